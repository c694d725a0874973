-- OriginLink store, SQLite schema version 1: every table the repositories use.
-- Applied by src/migrations/migrator.ts inside one BEGIN IMMEDIATE transaction (so no
-- transaction control or PRAGMA statements here). Times are INTEGER epoch milliseconds,
-- message bytes are BLOBs, JSON is TEXT. Index names match the PostgreSQL migrations so
-- that `checkSchema` reports the same names on both backends.

-- Certificates this gateway issued (outbound) or received (inbound). The document is the
-- last column so that searches scanning the small columns never read its overflow pages.
CREATE TABLE certificates (
  id                TEXT PRIMARY KEY,
  direction         TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  source            TEXT NOT NULL CHECK (source IN ('national', 'push', 'pull')),
  number            TEXT NOT NULL,
  issuing_country   TEXT NOT NULL,
  importing_country TEXT NOT NULL,
  partner_country   TEXT NOT NULL,
  agreement         TEXT NOT NULL,
  profile_id        TEXT NOT NULL,
  type_code         TEXT NOT NULL,
  issue_date        TEXT NOT NULL,
  exporter_name     TEXT NOT NULL,
  importer_name     TEXT,
  consignee_name    TEXT,
  -- Lower-cased (NFKC) copies for case-insensitive substring search, computed by the
  -- repository so that both backends fold case the same way (SQLite's lower() is ASCII-only).
  exporter_search   TEXT NOT NULL,
  importer_search   TEXT NOT NULL,
  document_digest   TEXT NOT NULL,
  status            TEXT NOT NULL,
  message_id        TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  document          TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX certificates_number_key ON certificates (issuing_country, number);
-- Search pages are newest first: walking this index lets LIMIT stop early.
CREATE INDEX certificates_created_idx ON certificates (created_at, id);
CREATE INDEX certificates_issue_date_idx ON certificates (issue_date);
-- No B-tree index on exporter_search/importer_search: a substring match ('%term%') cannot
-- use one, so it would only slow inserts down. Name searches walk certificates_created_idx.

CREATE TABLE certificate_items (
  certificate_id TEXT NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  item_number    INTEGER NOT NULL,
  hs_code        TEXT NOT NULL,
  description    TEXT NOT NULL,
  quantity       REAL,
  unit_code      TEXT,
  invoice_number TEXT,
  PRIMARY KEY (certificate_id, item_number)
) STRICT;
CREATE INDEX certificate_items_hs_code_idx ON certificate_items (hs_code, certificate_id);

-- Every protocol message sent or received and verified, with its exact bytes.
CREATE TABLE messages (
  direction        TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  sender_country   TEXT NOT NULL,
  sender_gateway   TEXT NOT NULL,
  id               TEXT NOT NULL,
  kind             TEXT NOT NULL,
  receiver_country TEXT NOT NULL,
  receiver_gateway TEXT NOT NULL,
  agreement        TEXT NOT NULL,
  refers_to        TEXT,
  certificate_id   TEXT,
  digest           TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  stored_at        INTEGER NOT NULL,
  raw              BLOB NOT NULL,
  PRIMARY KEY (direction, sender_country, sender_gateway, id)
) STRICT;
CREATE INDEX messages_id_idx ON messages (id);
CREATE INDEX messages_certificate_idx ON messages (certificate_id, stored_at) WHERE certificate_id IS NOT NULL;

-- The transactional outbox. AUTOINCREMENT: a seq is never reused, so enqueue order is total.
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id      TEXT NOT NULL,
  partner_country TEXT NOT NULL,
  partner_gateway TEXT NOT NULL,
  order_key       TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER
) STRICT;
CREATE UNIQUE INDEX outbox_message_key ON outbox (message_id);
CREATE INDEX outbox_due_idx ON outbox (state, next_attempt_at, seq);
CREATE INDEX outbox_order_idx ON outbox (order_key, seq);

-- Signed receipts, received ('in') and issued ('out').
CREATE TABLE receipts (
  direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  peer_country    TEXT NOT NULL,
  peer_gateway    TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  receipt_id      TEXT NOT NULL,
  outcome         TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  issues          TEXT NOT NULL,
  received_digest TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  raw             BLOB NOT NULL,
  PRIMARY KEY (direction, peer_country, peer_gateway, message_id)
) STRICT;
CREATE INDEX receipts_message_idx ON receipts (message_id, direction);

CREATE TABLE dedup_keys (
  sender_country TEXT NOT NULL,
  sender_gateway TEXT NOT NULL,
  message_id     TEXT NOT NULL,
  receipt_id     TEXT NOT NULL,
  expires_at     INTEGER NOT NULL,
  PRIMARY KEY (sender_country, sender_gateway, message_id)
) STRICT;
CREATE INDEX dedup_keys_expires_idx ON dedup_keys (expires_at);

CREATE TABLE idempotency_keys (
  scope          TEXT NOT NULL,
  key            TEXT NOT NULL,
  request_digest TEXT NOT NULL,
  status         INTEGER NOT NULL,
  response       TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT;
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Partner gateways (one per country) and their pinned signing keys.
CREATE TABLE partners (
  country    TEXT PRIMARY KEY,
  gateway_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  endpoint   TEXT NOT NULL,
  agreements TEXT NOT NULL,
  added_at   INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE partner_keys (
  country    TEXT NOT NULL REFERENCES partners (country) ON DELETE CASCADE,
  gateway_id TEXT NOT NULL,
  kid        TEXT NOT NULL,
  alg        TEXT NOT NULL CHECK (alg IN ('ES256', 'EdDSA')),
  jwk        TEXT NOT NULL,
  thumbprint TEXT NOT NULL,
  not_before INTEGER,
  not_after  INTEGER,
  added_at   INTEGER NOT NULL,
  PRIMARY KEY (country, gateway_id, kid)
) STRICT;

-- Bounded log of refused partner messages (pruned on append).
CREATE TABLE rejections (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  at                 INTEGER NOT NULL,
  remote_address     TEXT NOT NULL,
  code               TEXT NOT NULL,
  detail             TEXT NOT NULL,
  claimed_sender     TEXT,
  claimed_message_id TEXT,
  size               INTEGER NOT NULL
) STRICT;

-- The tamper-evident audit log. No foreign key from audit_log.seal_id: integrity rests on the
-- hashes, and verifyAuditLog reports rows that point to a missing seal.
CREATE TABLE audit_seals (
  id        INTEGER PRIMARY KEY,
  first_seq INTEGER NOT NULL,
  last_seq  INTEGER NOT NULL,
  count     INTEGER NOT NULL,
  root      TEXT NOT NULL,
  chain     TEXT NOT NULL,
  sealed_at INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  seal_id INTEGER
) STRICT;
CREATE INDEX audit_log_subject_idx ON audit_log (subject, seq);
CREATE INDEX audit_log_unsealed_idx ON audit_log (seq) WHERE seal_id IS NULL;
CREATE INDEX audit_log_seal_idx ON audit_log (seal_id, seq) WHERE seal_id IS NOT NULL;
