import type { Migration } from './migration';

/**
 * The PDF of a sign-off sheet is rendered after the sheet is committed (PDF rendering is
 * asynchronous; the dispatcher is not), stored by its SHA-256 in `attachments`, and named here.
 * Like the sheet, the link is immutable. (`sign_off_sheets.pdf_sha256` from migration 3 stays NULL.)
 */
export const migration0006: Migration = {
  version: 6,
  name: 'sign_off_pdfs',
  sql: `
CREATE TABLE sign_off_pdfs (
  sheet_id TEXT PRIMARY KEY REFERENCES sign_off_sheets(id),
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  created_at TEXT NOT NULL
);
CREATE TRIGGER sign_off_pdfs_no_update BEFORE UPDATE ON sign_off_pdfs
BEGIN SELECT RAISE(ABORT, 'sign-off PDFs are immutable'); END;
CREATE TRIGGER sign_off_pdfs_no_delete BEFORE DELETE ON sign_off_pdfs
BEGIN SELECT RAISE(ABORT, 'sign-off PDFs are immutable'); END;
`,
};
