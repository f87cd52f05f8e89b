import type { Migration } from '../migration';

/**
 * Rows a device pulled but could not store (`POST /v1/sync/quarantine`): one entry per device and
 * row, with the version it saw and the device's reason, so an administrator sees bad rows
 * (`outpost server check-rows`) before anyone files a bug. `resolved_at` is set when the row is
 * repaired or purged.
 */
export const centralMigration0004: Migration = {
  version: 4,
  name: 'quarantine_reports',
  sql: `
CREATE TABLE quarantine_reports (
  device_id UUID NOT NULL REFERENCES devices(id),
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  partition TEXT NOT NULL,
  version INTEGER NOT NULL,
  reason TEXT NOT NULL,
  first_reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_at TIMESTAMPTZ,
  PRIMARY KEY (device_id, entity, row_id)
);
CREATE INDEX quarantine_reports_row ON quarantine_reports(entity, row_id);
`,
};
