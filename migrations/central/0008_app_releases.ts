import type { Migration } from '../migration';

/**
 * Desktop app releases served to the fleet (`outpost server app-release add`), and per device the
 * update channel an administrator chose and the app version it last reported.
 *
 * - `app_releases`: one version published on one channel.
 * - `app_release_files`: its installers (and companions such as `.blockmap`), stored as blobs by
 *   SHA-256 (the blob purge keeps every blob named here); `sha512` is base64, as electron-updater
 *   checks it. A file name names one set of bytes on every channel.
 * - `devices.app_channel` (new devices start on stable), `app_version`, `app_version_at`.
 */
export const centralMigration0008: Migration = {
  version: 8,
  name: 'app_releases',
  sql: `
CREATE TABLE app_releases (
  channel TEXT NOT NULL CHECK (channel IN ('stable', 'pilot')),
  version TEXT NOT NULL,
  released_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, version)
);

CREATE TABLE app_release_files (
  channel TEXT NOT NULL,
  version TEXT NOT NULL,
  file_name TEXT NOT NULL,
  platform TEXT CHECK (platform IN ('windows', 'mac', 'linux')),
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  sha512 TEXT NOT NULL,
  size BIGINT NOT NULL,
  PRIMARY KEY (channel, version, file_name),
  FOREIGN KEY (channel, version) REFERENCES app_releases(channel, version) ON DELETE CASCADE
);
CREATE INDEX app_release_files_name ON app_release_files(file_name);
CREATE INDEX app_release_files_sha256 ON app_release_files(sha256);

ALTER TABLE devices ADD COLUMN app_channel TEXT NOT NULL DEFAULT 'stable' CHECK (app_channel IN ('stable', 'pilot'));
ALTER TABLE devices ADD COLUMN app_version TEXT;
ALTER TABLE devices ADD COLUMN app_version_at TIMESTAMPTZ;
`,
};
