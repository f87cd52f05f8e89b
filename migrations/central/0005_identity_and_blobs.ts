import type { Migration } from '../migration';

/**
 * Site assignment by user id, and attachments held per device.
 *
 * - `site_assignments` names users by id instead of by name (`technician` text matched against the
 *   username or display name). Rows written before this version keep their access only where the
 *   name was exactly a username; a display name never grants anything.
 * - `blob_holders`: the devices that have sent the bytes of a blob (the first upload, or the same
 *   bytes again to prove they hold them). Only a holder may reference a blob in a pushed row.
 * - `blob_refs.device_id`: the holder whose pushed row made the reference (null for references
 *   stored before this version: those are checked against the first uploader when downloaded).
 * - `blobs.unreferenced_since`: when the blob was last seen without a referencing row (a new
 *   upload counts from its start); `outpost server purge-blobs` removes it after the grace period.
 */
export const centralMigration0005: Migration = {
  version: 5,
  name: 'identity_and_blobs',
  sql: `
CREATE TABLE site_assignments_by_user (
  site_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  user_id UUID NOT NULL REFERENCES users(id),
  PRIMARY KEY (site_id, user_id)
);
INSERT INTO site_assignments_by_user (site_id, deployment_id, user_id)
  SELECT DISTINCT a.site_id, a.deployment_id, u.id FROM site_assignments a JOIN users u ON u.username = a.technician;
DROP TABLE site_assignments;
ALTER TABLE site_assignments_by_user RENAME TO site_assignments;
ALTER INDEX site_assignments_by_user_pkey RENAME TO site_assignments_pkey;
CREATE INDEX site_assignments_user ON site_assignments(user_id);

CREATE TABLE blob_holders (
  sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
  device_id UUID NOT NULL,
  proven BIGINT NOT NULL DEFAULT 0,
  complete BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (sha256, device_id)
);
CREATE INDEX blob_holders_device ON blob_holders(device_id);
INSERT INTO blob_holders (sha256, device_id, proven, complete)
  SELECT sha256, uploaded_by_device, received, complete FROM blobs WHERE uploaded_by_device IS NOT NULL;

ALTER TABLE blob_refs ADD COLUMN device_id UUID;

ALTER TABLE blobs ADD COLUMN unreferenced_since TIMESTAMPTZ DEFAULT now();
UPDATE blobs SET unreferenced_since = NULL WHERE sha256 IN (SELECT sha256 FROM blob_refs);
UPDATE blobs SET unreferenced_since = created_at WHERE unreferenced_since IS NOT NULL;
CREATE INDEX blobs_uploaded_by ON blobs(uploaded_by_device);
`,
};
