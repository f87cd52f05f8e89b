import type { Migration } from '../migration';

/**
 * The central server's first schema (PostgreSQL; the same SQL runs on PGlite). Synced rows are kept
 * as JSON documents keyed by (entity, row id), validated against `shared/sync/entity-registry.ts`,
 * with their partition and version as columns; `change_log` holds one entry per row (its latest
 * change), numbered per partition inside the writing transaction.
 */
export const centralMigration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE users (
  id UUID PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('technician','release_manager','administrator')),
  password_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  disabled_at TIMESTAMPTZ
);

CREATE TABLE devices (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX devices_user ON devices(user_id);

CREATE TABLE sign_in_attempts (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  succeeded BOOLEAN NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_recent ON sign_in_attempts(username, at);

CREATE TABLE partitions (
  key TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('deployment','site')),
  deployment_id TEXT NOT NULL,
  site_id TEXT,
  label TEXT NOT NULL DEFAULT '',
  last_seq BIGINT NOT NULL DEFAULT 0,
  retained_from BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX partitions_deployment ON partitions(deployment_id);

CREATE TABLE deployment_managers (
  deployment_id TEXT NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  PRIMARY KEY (deployment_id, user_id)
);

CREATE TABLE site_assignments (
  site_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  technician TEXT NOT NULL,
  PRIMARY KEY (site_id, technician)
);
CREATE INDEX site_assignments_technician ON site_assignments(technician);

CREATE TABLE docs (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  partition TEXT NOT NULL REFERENCES partitions(key),
  version INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT false,
  data JSONB,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by_device UUID,
  PRIMARY KEY (entity, row_id)
);
CREATE INDEX docs_partition ON docs(partition, entity);

CREATE TABLE change_log (
  partition TEXT NOT NULL REFERENCES partitions(key),
  seq BIGINT NOT NULL,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (partition, seq),
  UNIQUE (entity, row_id)
);

CREATE TABLE applied_ops (
  op_id UUID PRIMARY KEY,
  device_id UUID NOT NULL REFERENCES devices(id),
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied','rejected')),
  version INTEGER,
  code TEXT,
  reason TEXT,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX applied_ops_device ON applied_ops(device_id, applied_at);

CREATE TABLE overwrites (
  id BIGSERIAL PRIMARY KEY,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  partition TEXT NOT NULL,
  column_name TEXT NOT NULL,
  replaced_value JSONB,
  replaced_version INTEGER NOT NULL,
  new_value JSONB,
  op_id UUID NOT NULL,
  device_id UUID NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX overwrites_row ON overwrites(entity, row_id);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  media_type TEXT NOT NULL,
  received BIGINT NOT NULL DEFAULT 0,
  complete BOOLEAN NOT NULL DEFAULT false,
  uploaded_by_device UUID,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE blob_chunks (
  sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
  "offset" BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (sha256, "offset")
);

CREATE TABLE blob_refs (
  sha256 TEXT NOT NULL,
  partition TEXT NOT NULL,
  PRIMARY KEY (sha256, partition)
);
`,
};
