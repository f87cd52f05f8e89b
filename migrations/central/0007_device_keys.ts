import type { Migration } from '../migration';

/**
 * Device signing keys: the Ed25519 public key each device signs sign-off sheets and site report
 * files with, registered at sign-in (or the device's next sync) with proof of possession. A key
 * belongs to one user; a device has one key. Pushed sheets must carry the pushing device's key.
 *
 * `docs.data_bytes`: the size of a row's JSON text, so a pull page can be bounded in bytes without
 * serializing every row twice.
 */
export const centralMigration0007: Migration = {
  version: 7,
  name: 'device_keys',
  sql: `
CREATE TABLE device_keys (
  device_id UUID PRIMARY KEY REFERENCES devices(id),
  user_id UUID NOT NULL REFERENCES users(id),
  fingerprint TEXT NOT NULL CHECK (fingerprint ~ '^SHA256:[0-9a-f]{64}$'),
  public_key TEXT NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX device_keys_fingerprint ON device_keys(fingerprint);

ALTER TABLE docs ADD COLUMN data_bytes INTEGER GENERATED ALWAYS AS (coalesce(octet_length(data::text), 0)) STORED;
`,
};
