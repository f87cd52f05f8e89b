import type { Migration } from './migration';

/**
 * Desktop side of sync (issue #4). The outbox of captured local changes, the conflicts the server
 * rejected, the server version of each synced row, pull cursors per partition, which deployments
 * sync at all, the guard row that stops capture while pulled rows are applied, the signed-in
 * account (the device token itself lives in the secret store, never here), engine state, prepared
 * sites and uploaded blobs. The capture triggers are derived from the entity registry and installed
 * at open (core/sync/capture-triggers.ts); `sync_capture_install` records the hash of their SQL.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sync',
  sql: `
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('insert','update','delete')),
  partition TEXT NOT NULL,
  base_version INTEGER NOT NULL DEFAULT 0,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_outbox_row ON sync_outbox(entity, row_id);

CREATE TABLE sync_conflicts (
  op_id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  partition TEXT NOT NULL,
  data TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rejected_at TEXT NOT NULL,
  dismissed_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(dismissed_at, rejected_at);

CREATE TABLE sync_row_versions (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

CREATE TABLE sync_cursors (
  partition TEXT PRIMARY KEY,
  cursor TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE sync_scopes (
  deployment_id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('published','pulled')),
  since TEXT NOT NULL
);

CREATE TABLE sync_apply_guard (
  id INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TABLE sync_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  device_id TEXT NOT NULL,
  signed_in_at TEXT NOT NULL
);

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_success_at TEXT,
  last_attempt_at TEXT,
  last_error TEXT
);

CREATE TABLE sync_prepared_sites (
  site_id TEXT PRIMARY KEY,
  prepared_at TEXT NOT NULL
);

CREATE TABLE sync_blob_uploads (
  sha256 TEXT PRIMARY KEY,
  uploaded_at TEXT NOT NULL
);

CREATE TABLE sync_capture_install (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sql_hash TEXT NOT NULL,
  installed_at TEXT NOT NULL
);
`,
};
