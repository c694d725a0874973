/**
 * Kysely table types for the store's schema (migrations/<backend>/*.sql create the tables).
 * Column names are snake_case as in SQL; the repositories map rows to the camelCase types of
 * src/repos/. Times are epoch milliseconds, raw message bytes are BLOB/bytea, JSON is text.
 */
import type { ColumnType, Generated } from 'kysely';

/** Bytes go in as any Uint8Array and come back as a Buffer (a Uint8Array) from both drivers. */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface CertificatesTable {
  id: string;
  direction: string;
  source: string;
  number: string;
  issuing_country: string;
  importing_country: string;
  partner_country: string;
  agreement: string;
  profile_id: string;
  type_code: string;
  issue_date: string;
  exporter_name: string;
  importer_name: string | null;
  consignee_name: string | null;
  exporter_search: string;
  importer_search: string;
  document_digest: string;
  status: string;
  message_id: string;
  created_at: number;
  updated_at: number;
  document: string;
  /** Added by 0002 (after `document`: SQLite appends columns). */
  version: Generated<number>;
  lifecycle: Generated<string>;
  replaced_by_id: string | null;
  replaces_id: string | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  verification_status: string | null;
}

export interface CertificateItemsTable {
  certificate_id: string;
  item_number: number;
  hs_code: string;
  description: string;
  quantity: number | null;
  unit_code: string | null;
  invoice_number: string | null;
  /** Millionths of usable_unit claims may consume; null for items stored before 0002. */
  usable_micro: number | null;
  usable_unit: string | null;
  used_micro: Generated<number>;
}

export interface CertificateVersionsTable {
  certificate_id: string;
  version: number;
  document_digest: string;
  message_id: string;
  created_at: number;
  document: string;
}

export interface ClaimsTable {
  id: string;
  certificate_id: string | null;
  certificate_number: string;
  issuing_country: string;
  declaration_reference: string;
  declaration_date: string;
  importer_name: string | null;
  importer_id: string | null;
  decision: string;
  status: string;
  /** JSON array. */
  reasons: string;
  /** JSON array. */
  items: string;
  notice_message_id: string | null;
  actor: string;
  created_at: number;
  updated_at: number;
}

export interface UtilisationsTable {
  id: string;
  certificate_id: string;
  message_id: string;
  partner_country: string;
  declaration_reference: string;
  decision: string;
  /** JSON array. */
  items: string;
  decided_at: number;
  received_at: number;
}

export interface VerificationsTable {
  id: string;
  request_id: string;
  direction: string;
  partner_country: string;
  certificate_id: string | null;
  certificate_number: string;
  issuing_country: string;
  /** JSON array. */
  item_numbers: string;
  /** JSON array. */
  reasons: string;
  reply_by: string;
  state: string;
  outcome: string | null;
  findings: string | null;
  response: string | null;
  request_message_id: string;
  response_message_id: string | null;
  requested_at: number;
  acknowledged_at: number | null;
  answered_at: number | null;
}

export interface ExportersTable {
  id: string;
  name: string;
  country: string;
  authorisation_type: string;
  valid_from: string;
  valid_until: string | null;
  status: string;
  updated_at: number;
}

export interface MessagesTable {
  direction: string;
  sender_country: string;
  sender_gateway: string;
  id: string;
  kind: string;
  receiver_country: string;
  receiver_gateway: string;
  agreement: string;
  refers_to: string | null;
  certificate_id: string | null;
  digest: string;
  created_at: number;
  stored_at: number;
  raw: Bytes;
}

export interface OutboxTable {
  seq: Generated<number>;
  message_id: string;
  partner_country: string;
  partner_gateway: string;
  order_key: string;
  state: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number;
  lease_owner: string | null;
  lease_until: number | null;
}

export interface ReceiptsTable {
  direction: string;
  peer_country: string;
  peer_gateway: string;
  message_id: string;
  receipt_id: string;
  outcome: string;
  issues: string;
  received_digest: string;
  created_at: number;
  raw: Bytes;
}

export interface DedupKeysTable {
  sender_country: string;
  sender_gateway: string;
  message_id: string;
  receipt_id: string;
  expires_at: number;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_digest: string;
  status: number;
  response: string;
  created_at: number;
}

export interface PartnersTable {
  country: string;
  gateway_id: string;
  name: string;
  endpoint: string;
  /** JSON array of agreement codes. */
  agreements: string;
  added_at: number;
  updated_at: number;
}

export interface PartnerKeysTable {
  country: string;
  gateway_id: string;
  kid: string;
  alg: string;
  jwk: string;
  thumbprint: string;
  not_before: number | null;
  not_after: number | null;
  added_at: number;
}

export interface RejectionsTable {
  id: Generated<number>;
  at: number;
  remote_address: string;
  code: string;
  detail: string;
  claimed_sender: string | null;
  claimed_message_id: string | null;
  size: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
  seal_id: number | null;
}

export interface AuditSealsTable {
  id: number;
  first_seq: number;
  last_seq: number;
  count: number;
  root: string;
  chain: string;
  sealed_at: number;
}

/** Created by the migrator itself (not by a numbered migration). */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: number;
}

export interface Database {
  certificates: CertificatesTable;
  certificate_items: CertificateItemsTable;
  certificate_versions: CertificateVersionsTable;
  claims: ClaimsTable;
  utilisations: UtilisationsTable;
  verifications: VerificationsTable;
  exporters: ExportersTable;
  messages: MessagesTable;
  outbox: OutboxTable;
  receipts: ReceiptsTable;
  dedup_keys: DedupKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  partners: PartnersTable;
  partner_keys: PartnerKeysTable;
  rejections: RejectionsTable;
  audit_log: AuditLogTable;
  audit_seals: AuditSealsTable;
  schema_migrations: SchemaMigrationsTable;
}
