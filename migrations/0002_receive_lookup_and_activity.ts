import type { Migration } from './migration';

const ARRIVED = (row: 'NEW' | 'OLD') => `(${row}.state IN ('received','installed','verified','damaged'))`;

/** The change a row makes to its site's reconciliation counters (sign +1 to add, -1 to remove). */
const counterDelta = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO inventory_counts (site_id) VALUES (${row}.site_id) ON CONFLICT (site_id) DO NOTHING;
  UPDATE inventory_counts SET
    expected = expected + ${sign} * (${row}.is_surplus = 0),
    received = received + ${sign} * (${row}.is_surplus = 0 AND ${ARRIVED(row)}),
    surplus = surplus + ${sign} * (${row}.is_surplus = 1),
    damaged = damaged + ${sign} * (${row}.state = 'damaged')
  WHERE site_id = ${row}.site_id;`;

/**
 * Scanning needs to find a serial at once, at this site or any other, ignoring case and
 * surrounding space, and to show the reconciliation after every scan without counting 20,000
 * rows: triggers keep per-site counters. Every change is kept in an append-only activity log.
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

CREATE TABLE inventory_counts (
  site_id TEXT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
  expected INTEGER NOT NULL DEFAULT 0,
  received INTEGER NOT NULL DEFAULT 0,
  surplus INTEGER NOT NULL DEFAULT 0,
  damaged INTEGER NOT NULL DEFAULT 0
);
INSERT INTO inventory_counts (site_id, expected, received, surplus, damaged)
  SELECT site_id,
    sum(is_surplus = 0),
    sum(is_surplus = 0 AND state IN ('received','installed','verified','damaged')),
    sum(is_surplus = 1),
    sum(state = 'damaged')
  FROM inventory_items GROUP BY site_id;
CREATE TRIGGER inventory_counts_insert AFTER INSERT ON inventory_items BEGIN ${counterDelta('NEW', 1)} END;
CREATE TRIGGER inventory_counts_delete AFTER DELETE ON inventory_items BEGIN ${counterDelta('OLD', -1)} END;
CREATE TRIGGER inventory_counts_update AFTER UPDATE OF state, is_surplus, site_id ON inventory_items BEGIN
  ${counterDelta('OLD', -1)}
  ${counterDelta('NEW', 1)}
END;

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
