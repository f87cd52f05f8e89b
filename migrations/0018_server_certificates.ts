import type { Migration } from './migration';

/**
 * Server certificates this device trusts, like SSH host keys (`target_host_keys`): one pinned
 * SHA-256 fingerprint per server origin, trusted by a person at first sign-in (or re-trusted after
 * the server's certificate changed). Kept across sign-outs, so signing in again is checked too.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'server_certificates',
  sql: `
CREATE TABLE sync_server_certificates (
  origin TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 95),
  subject TEXT NOT NULL DEFAULT '',
  trusted_at TEXT NOT NULL,
  trusted_by TEXT NOT NULL,
  previous_fingerprint TEXT
);
`,
};
