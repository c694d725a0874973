/**
 * Utilisation notices (exporting side): what the importing customs decided on claims on our
 * certificates (co.utilisation), so the exporter's question "what happened to my CO?" has an answer.
 */

export interface UtilisationRow {
  readonly id: string;
  readonly certificateId: string;
  /** The co.utilisation message that carried it. */
  readonly messageId: string;
  readonly partnerCountry: string;
  readonly declarationReference: string;
  readonly decision: 'granted' | 'denied' | 'partially-granted';
  /** JSON array of items: { itemNumber, quantity?, unitCode?, decision, reasonCodes }. */
  readonly items: string;
  readonly decidedAt: number;
  readonly receivedAt: number;
}

export interface UtilisationRepo {
  insert(row: UtilisationRow): Promise<void>;
  /** Oldest first. */
  listForCertificate(certificateId: string): Promise<readonly UtilisationRow[]>;
}
