import type { Migration } from './migration';

/**
 * Device signing keys this device trusts. `registered_device_keys`: the keys the central server has
 * registered (with their user and device), replaced at every sync; `outpost verify` and site report
 * import name the signer from it. `confirmed_device_keys`: fingerprints a person on this device
 * confirmed (checked with the technician) to import a site report file signed by a key the server
 * never registered, with who and when.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'device_keys',
  sql: `
CREATE TABLE registered_device_keys (
  fingerprint TEXT NOT NULL,
  device_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  device_name TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  device_revoked_at TEXT,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (fingerprint, device_id)
);

CREATE TABLE confirmed_device_keys (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  device_id TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  confirmed_by TEXT NOT NULL
);
CREATE INDEX confirmed_device_keys_fingerprint ON confirmed_device_keys(fingerprint);
`,
};
