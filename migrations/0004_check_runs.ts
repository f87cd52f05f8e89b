import type { Migration } from './migration';

const OUTCOMES = `'completed','host_key_unknown','host_key_changed','unreachable','timeout','auth_failed','windows','cancelled','error'`;

/**
 * Check runs of target machines (immutable once finished: re-running makes a new run), the host
 * keys trusted per target, and how to sign in to each target. Secrets (passwords, passphrases)
 * are never stored here: they live in the device secret store.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'check_runs',
  sql: `
CREATE TABLE check_runs (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  target_id TEXT REFERENCES target_machines(id),
  target_label TEXT NOT NULL,
  job_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  by TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN (${OUTCOMES})),
  message TEXT NOT NULL DEFAULT '',
  host_key_algorithm TEXT,
  host_key_fingerprint TEXT,
  expected_fingerprint TEXT,
  facts TEXT,
  results TEXT NOT NULL DEFAULT '[]',
  pass_count INTEGER NOT NULL DEFAULT 0,
  fail_count INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX check_runs_target ON check_runs(target_id, started_at);
CREATE INDEX check_runs_site ON check_runs(site_id, started_at);
CREATE TRIGGER check_runs_finished_no_update BEFORE UPDATE ON check_runs WHEN OLD.finished_at IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'check run is finished and cannot be changed; run the check again');
END;
CREATE TRIGGER check_runs_finished_no_delete BEFORE DELETE ON check_runs WHEN OLD.finished_at IS NOT NULL BEGIN
  SELECT RAISE(ABORT, 'check run is finished and cannot be deleted');
END;

CREATE TABLE target_host_keys (
  target_id TEXT NOT NULL REFERENCES target_machines(id) ON DELETE CASCADE,
  algorithm TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  trusted_at TEXT NOT NULL,
  trusted_by TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('first_contact','plan','known_hosts')),
  PRIMARY KEY (target_id, fingerprint)
);

CREATE TABLE target_credentials (
  target_id TEXT PRIMARY KEY REFERENCES target_machines(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('key','agent','password','keyboard-interactive')),
  key_path TEXT,
  username TEXT,
  use_sudo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
`,
};
