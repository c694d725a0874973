-- OriginLink store, SQLite schema version 2: the certificate lifecycle (issue 4, see
-- docs/design/lifecycle.md "Storage"). Same table, column and index names as
-- migrations/postgres/0002_lifecycle.sql. Applied inside the migrator's transaction.

-- Lifecycle columns. ADD COLUMN puts them after `document` (SQLite cannot reorder columns without
-- rebuilding the table, and rebuilding certificates would cascade-delete its items): a filter on
-- lifecycle therefore goes through certificates_lifecycle_idx instead of reading each row.
ALTER TABLE certificates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE certificates ADD COLUMN lifecycle TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('active', 'replaced', 'cancelled'));
ALTER TABLE certificates ADD COLUMN replaced_by_id TEXT;
ALTER TABLE certificates ADD COLUMN replaces_id TEXT;
ALTER TABLE certificates ADD COLUMN cancelled_at INTEGER;
ALTER TABLE certificates ADD COLUMN cancel_reason TEXT;
ALTER TABLE certificates ADD COLUMN verification_status TEXT CHECK (verification_status IN ('under-verification', 'confirmed', 'not-confirmed', 'partially-confirmed'));
CREATE INDEX certificates_lifecycle_idx ON certificates (lifecycle, created_at, id);

-- Partial utilisation in millionths of the usable measure (exact integers). Rows stored before
-- this migration have no usable measure (NULL): claims cannot consume them.
ALTER TABLE certificate_items ADD COLUMN usable_micro INTEGER CHECK (usable_micro >= 0);
ALTER TABLE certificate_items ADD COLUMN usable_unit TEXT;
ALTER TABLE certificate_items ADD COLUMN used_micro INTEGER NOT NULL DEFAULT 0 CHECK (used_micro >= 0);

-- Every version of every certificate, the current one included (1 = as issued).
CREATE TABLE certificate_versions (
  certificate_id  TEXT NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  version         INTEGER NOT NULL CHECK (version >= 1),
  document_digest TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  document        TEXT NOT NULL,
  PRIMARY KEY (certificate_id, version)
) STRICT;
-- Certificates stored before this migration: their document is version 1.
INSERT INTO certificate_versions (certificate_id, version, document_digest, message_id, created_at, document)
  SELECT id, 1, document_digest, message_id, created_at, document FROM certificates;

-- Preference claims (importing side), one per certificate and import declaration.
CREATE TABLE claims (
  id                    TEXT PRIMARY KEY,
  certificate_id        TEXT,
  certificate_number    TEXT NOT NULL,
  issuing_country       TEXT NOT NULL,
  declaration_reference TEXT NOT NULL,
  declaration_date      TEXT NOT NULL,
  importer_name         TEXT,
  importer_id           TEXT,
  decision              TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'manual-review')),
  status                TEXT NOT NULL CHECK (status IN ('decided', 'review', 'post-clearance-review', 'recovery-of-duties')),
  reasons               TEXT NOT NULL,
  items                 TEXT NOT NULL,
  notice_message_id     TEXT,
  actor                 TEXT NOT NULL,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX claims_declaration_key ON claims (issuing_country, certificate_number, declaration_reference);
CREATE INDEX claims_certificate_idx ON claims (certificate_id, created_at);
CREATE INDEX claims_status_idx ON claims (status, created_at);

-- Utilisation notices received for our certificates (exporting side).
CREATE TABLE utilisations (
  id                    TEXT PRIMARY KEY,
  certificate_id        TEXT NOT NULL,
  message_id            TEXT NOT NULL,
  partner_country       TEXT NOT NULL,
  declaration_reference TEXT NOT NULL,
  decision              TEXT NOT NULL CHECK (decision IN ('granted', 'denied', 'partially-granted')),
  items                 TEXT NOT NULL,
  decided_at            INTEGER NOT NULL,
  received_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX utilisations_certificate_idx ON utilisations (certificate_id, received_at);

-- Retroactive verification requests, outbound and inbound; requestId is the requester's.
CREATE TABLE verifications (
  id                  TEXT PRIMARY KEY,
  request_id          TEXT NOT NULL,
  direction           TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  partner_country     TEXT NOT NULL,
  certificate_id      TEXT,
  certificate_number  TEXT NOT NULL,
  issuing_country     TEXT NOT NULL,
  item_numbers        TEXT NOT NULL,
  reasons             TEXT NOT NULL,
  reply_by            TEXT NOT NULL,
  state               TEXT NOT NULL CHECK (state IN ('requested', 'acknowledged', 'answered')),
  outcome             TEXT CHECK (outcome IN ('confirmed', 'not-confirmed', 'partially-confirmed')),
  findings            TEXT,
  response            TEXT,
  request_message_id  TEXT NOT NULL,
  response_message_id TEXT,
  requested_at        INTEGER NOT NULL,
  acknowledged_at     INTEGER,
  answered_at         INTEGER
) STRICT;
CREATE UNIQUE INDEX verifications_request_key ON verifications (direction, partner_country, request_id);
CREATE INDEX verifications_state_idx ON verifications (state, direction, requested_at);
CREATE INDEX verifications_certificate_idx ON verifications (certificate_id, requested_at);

-- Approved and registered exporters (exporting side), answered to partners on lookup.
CREATE TABLE exporters (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  country            TEXT NOT NULL,
  authorisation_type TEXT NOT NULL CHECK (authorisation_type IN ('approved', 'registered')),
  valid_from         TEXT NOT NULL,
  valid_until        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
  updated_at         INTEGER NOT NULL
) STRICT;
