/** Certificates (and declarations of origin) this gateway issued (outbound) or received (inbound). */

export const certificateDirections = ['outbound', 'inbound'] as const;
export type CertificateDirection = (typeof certificateDirections)[number];

/** How the gateway got the document: from the national API, pushed by a partner, or pulled from one. */
export const certificateSources = ['national', 'push', 'pull'] as const;
export type CertificateSource = (typeof certificateSources)[number];

/**
 * Business status. Outbound: pending (queued) -> delivered | rejected | failed. Inbound: received.
 * Issue 4 adds replaced, cancelled and verification states; the column is free text for that reason.
 */
export type CertificateStatus = 'pending' | 'delivered' | 'rejected' | 'failed' | 'received' | (string & {});

export interface CertificateItemRow {
  readonly itemNumber: number;
  readonly hsCode: string;
  readonly description: string;
  readonly quantity: number | null;
  readonly unitCode: string | null;
  readonly invoiceNumber: string | null;
  /**
   * The measure claims consume (the item's quantity, else its gross weight), in millionths of its
   * unit, so partial utilisation is exact integer arithmetic. Null when the item has neither.
   */
  readonly usableMicro: number | null;
  readonly usableUnit: string | null;
  /** Millionths already used by accepted claims (importing side). */
  readonly usedMicro: number;
}

/** Where the certificate stands in its lifecycle, independently of delivery (`status`). */
export const certificateLifecycles = ['active', 'replaced', 'cancelled'] as const;
export type CertificateLifecycle = (typeof certificateLifecycles)[number];

/** Outcome of a retroactive verification as it affects the certificate. */
export type VerificationStatus = 'under-verification' | 'confirmed' | 'not-confirmed' | 'partially-confirmed';

/** One stored version of a certificate (1 = as issued; higher = amendments where the agreement allows). */
export interface CertificateVersionRow {
  readonly certificateId: string;
  readonly version: number;
  readonly document: string;
  readonly documentDigest: string;
  readonly messageId: string;
  readonly createdAt: number;
}

/** Lifecycle changes; absent fields are left as they are. */
export interface LifecycleChange {
  readonly lifecycle: CertificateLifecycle;
  readonly replacedById?: string;
  readonly replacesId?: string;
  readonly cancelReason?: string;
}

export interface NewCertificate {
  readonly id: string;
  readonly direction: CertificateDirection;
  readonly source: CertificateSource;
  readonly number: string;
  readonly issuingCountry: string;
  readonly importingCountry: string;
  readonly partnerCountry: string;
  readonly agreement: string;
  readonly profileId: string;
  readonly typeCode: string;
  readonly issueDate: string;
  readonly exporterName: string;
  readonly importerName: string | null;
  readonly consigneeName: string | null;
  /** The e-CO document as canonical JSON text (RFC 8785). */
  readonly document: string;
  /** sha-256:... of `document`. */
  readonly documentDigest: string;
  readonly status: CertificateStatus;
  /** The document's version (header.version; default 1): a certificate first seen as an amendment keeps its number. */
  readonly version?: number;
  /** The message that carried it (inbound) or will carry it (outbound). */
  readonly messageId: string;
  readonly createdAt: number;
  readonly items: readonly Omit<CertificateItemRow, 'usedMicro'>[];
}

export interface CertificateRow extends Omit<NewCertificate, 'items'> {
  readonly updatedAt: number;
  /** Current version number (1 unless amended). */
  readonly version: number;
  readonly lifecycle: CertificateLifecycle;
  /** For a replaced certificate: the id of its replacement. */
  readonly replacedById: string | null;
  /** For a replacement: the id of the certificate it replaces (when known here). */
  readonly replacesId: string | null;
  readonly cancelledAt: number | null;
  readonly cancelReason: string | null;
  readonly verificationStatus: VerificationStatus | null;
}

export interface CertificateFilter {
  readonly direction?: CertificateDirection;
  readonly number?: string;
  readonly issuingCountry?: string;
  /** Case-insensitive substring of the exporter name. */
  readonly exporter?: string;
  /** Case-insensitive substring of the importer or consignee name. */
  readonly importer?: string;
  /** HS code prefix matched against the items. */
  readonly hsCode?: string;
  /** Issue date range, inclusive, YYYY-MM-DD. */
  readonly issuedFrom?: string;
  readonly issuedTo?: string;
  readonly status?: string;
  readonly lifecycle?: CertificateLifecycle;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor for the next page; absent on the last page. */
  readonly next?: string;
}

export interface CertificateRepo {
  /** Inserts; a duplicate (issuingCountry, number) raises StoreError('unique-violation'). */
  insert(certificate: NewCertificate): Promise<void>;
  get(id: string): Promise<CertificateRow | undefined>;
  findByNumber(issuingCountry: string, number: string): Promise<CertificateRow | undefined>;
  items(id: string): Promise<readonly CertificateItemRow[]>;
  /** Newest first (createdAt, id), keyset-paginated. */
  search(filter: CertificateFilter, limit: number, cursor?: string): Promise<Page<CertificateRow>>;
  setStatus(id: string, status: CertificateStatus, at: number): Promise<void>;
  /**
   * Changes the lifecycle (replaced, cancelled) and its references. With `from`, only while the
   * certificate is in one of those lifecycles (compare-and-set: two instances cancelling or
   * replacing one certificate at once cannot both succeed); returns whether it applied.
   */
  setLifecycle(id: string, change: LifecycleChange, at: number, options?: { readonly from?: readonly CertificateLifecycle[] }): Promise<boolean>;
  setVerificationStatus(id: string, status: VerificationStatus | null, at: number): Promise<void>;
  /** Points the certificate at the message that now carries it (admin resend, amendment). */
  setMessage(id: string, messageId: string, at: number): Promise<void>;
  /**
   * Stores an amendment: the new document becomes current (version, document, digest, searchable
   * columns and items are replaced; used quantities are kept per item number) and the previous
   * current version is kept in the history. Version 1 is recorded by `insert`.
   */
  amend(id: string, amended: NewCertificate & { readonly version: number }, at: number): Promise<void>;
  /** Every stored version, oldest first. */
  versions(id: string): Promise<readonly CertificateVersionRow[]>;
  /**
   * Consumes `micro` millionths of an item's usable measure if that much remains, atomically (one
   * conditional UPDATE: concurrent claims on several instances never over-use). False when it does not.
   */
  useQuantity(id: string, itemNumber: number, micro: number, at: number): Promise<boolean>;
}
