import type { Migration } from './migration';

/**
 * Site report files imported on this device (a release manager's): which file (SHA-256 of its
 * bytes), from which device (id, public key fingerprint), for which site, when and by whom, and
 * what it brought. The fingerprints of earlier imports (with those of stored sign-off sheets) are
 * the "known devices" a preview compares a new file's key against. Append-only.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'site_report_imports',
  sql: `
CREATE TABLE site_report_imports (
  id TEXT PRIMARY KEY,
  file_sha256 TEXT NOT NULL,
  device_id TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  site_code TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  new_rows INTEGER NOT NULL,
  changed_rows INTEGER NOT NULL,
  new_attachments INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX site_report_imports_fingerprint ON site_report_imports(key_fingerprint);
CREATE INDEX site_report_imports_site ON site_report_imports(site_id, imported_at);
CREATE INDEX sign_off_sheets_key_fingerprint ON sign_off_sheets(key_fingerprint);
CREATE TRIGGER site_report_imports_no_update BEFORE UPDATE ON site_report_imports
BEGIN SELECT RAISE(ABORT, 'site report imports are append-only'); END;
`,
};
