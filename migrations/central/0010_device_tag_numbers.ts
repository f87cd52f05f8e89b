import type { Migration } from '../migration';

/**
 * Asset tag numbers (issue #14, shared/labels/asset-tag.ts): each device gets one number, once, the
 * first time it asks (`POST /v1/devices/asset-tag-number`). Its asset tags carry it (`D<number>`), so
 * two devices tagging offline never hand out the same tag. Numbers are never reused: a revoked or
 * signed-out device keeps its row.
 */
export const centralMigration0010: Migration = {
  version: 10,
  name: 'device_tag_numbers',
  sql: `
CREATE TABLE device_tag_numbers (
  device_id UUID PRIMARY KEY REFERENCES devices(id),
  number INTEGER GENERATED ALWAYS AS IDENTITY UNIQUE,
  assigned_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
};
