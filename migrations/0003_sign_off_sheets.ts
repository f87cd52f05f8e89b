import type { Migration } from './migration';

/**
 * Signed sign-off sheets. A sheet is immutable once written: triggers refuse UPDATE and DELETE, so a
 * later change to the site needs a new sheet and the old one stays. `sheet_json` is the complete,
 * self-contained signed sheet (content, hash, signature, public key) that `outpost verify` checks.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'sign_off_sheets',
  sql: `
CREATE TABLE sign_off_sheets (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id),
  site_id TEXT REFERENCES sites(id),
  kind TEXT NOT NULL CHECK (kind IN ('core_components','site_complete','deployment_milestone')),
  decision TEXT NOT NULL CHECK (decision IN ('accepted','accepted_with_exceptions','rejected')),
  signer_name TEXT NOT NULL,
  signer_role TEXT NOT NULL,
  signer_email TEXT,
  signed_at TEXT NOT NULL,
  signer_time_zone TEXT NOT NULL,
  device_id TEXT NOT NULL,
  review_hash TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  device_signature TEXT NOT NULL,
  public_key TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  signature_image_sha256 TEXT NOT NULL,
  pdf_sha256 TEXT,
  sheet_json TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
  CHECK ((kind = 'deployment_milestone') = (site_id IS NULL))
);
CREATE INDEX sign_off_sheets_site ON sign_off_sheets(site_id, kind, signed_at);
CREATE INDEX sign_off_sheets_deployment ON sign_off_sheets(deployment_id, kind, signed_at);
CREATE TRIGGER sign_off_sheets_no_update BEFORE UPDATE ON sign_off_sheets
BEGIN SELECT RAISE(ABORT, 'sign-off sheets are immutable'); END;
CREATE TRIGGER sign_off_sheets_no_delete BEFORE DELETE ON sign_off_sheets
BEGIN SELECT RAISE(ABORT, 'sign-off sheets are immutable'); END;
`,
};
