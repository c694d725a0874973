/**
 * The registry of approved and registered exporters the issuing authority maintains (exporting
 * side), answered to partners by GET /partner/v1/exporters/{id}.
 */

export interface ExporterRow {
  /** The approved-exporter authorisation code or registered-exporter (REX) number. */
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly authorisationType: 'approved' | 'registered';
  /** YYYY-MM-DD. */
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly status: 'active' | 'suspended' | 'revoked';
  readonly updatedAt: number;
}

export interface ExporterRepo {
  upsert(row: ExporterRow): Promise<void>;
  get(id: string): Promise<ExporterRow | undefined>;
  list(limit: number): Promise<readonly ExporterRow[]>;
}
