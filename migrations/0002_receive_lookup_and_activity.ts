import type { Migration } from './migration';

/**
 * Scanning needs to find a serial at once, at this site or any other, ignoring case and
 * surrounding space; and every change is kept in an append-only activity log (who, what, when).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'receive_lookup_and_activity',
  sql: `
ALTER TABLE inventory_items ADD COLUMN expected_serial_key TEXT;
ALTER TABLE inventory_items ADD COLUMN found_serial_key TEXT;
UPDATE inventory_items SET
  expected_serial_key = upper(trim(expected_serial)),
  found_serial_key = upper(trim(found_serial));
CREATE INDEX inventory_expected_serial_key ON inventory_items(expected_serial_key);
CREATE INDEX inventory_found_serial_key ON inventory_items(found_serial_key);
CREATE INDEX inventory_site_state ON inventory_items(site_id, state);
CREATE INDEX inventory_site_order ON inventory_items(site_id, is_surplus, asset_tag, id);

CREATE TABLE activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  site_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_entity ON activity(entity, entity_id);
CREATE INDEX activity_site ON activity(site_id, seq);
`,
};
