import type { Migration } from './migration';

const ARRIVED = (row: 'NEW' | 'OLD') => `(${row}.state IN ('received','installed','verified','damaged'))`;

const counterDelta = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
  INSERT INTO inventory_counts (site_id) VALUES (${row}.site_id) ON CONFLICT (site_id) DO NOTHING;
  UPDATE inventory_counts SET
    expected = expected + ${sign} * (${row}.is_surplus = 0),
    received = received + ${sign} * (${row}.is_surplus = 0 AND ${ARRIVED(row)}),
    surplus = surplus + ${sign} * (${row}.is_surplus = 1),
    damaged = damaged + ${sign} * (${row}.state = 'damaged')
  WHERE site_id = ${row}.site_id;`;

/**
 * The reconciliation counters of migration 2, kept by the same triggers, which now stand aside
 * while a row is present in `inventory_counts_deferred`: a pull storing thousands of inventory rows
 * sets it and applies the same deltas itself, once per site and page, in the same transaction
 * (core/sync/inventory-count-deltas.ts). Everything else writes as before.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'inventory_counts_deferrable',
  sql: `
CREATE TABLE inventory_counts_deferred (id INTEGER PRIMARY KEY CHECK (id = 1));
DROP TRIGGER inventory_counts_insert;
DROP TRIGGER inventory_counts_delete;
DROP TRIGGER inventory_counts_update;
CREATE TRIGGER inventory_counts_insert AFTER INSERT ON inventory_items
WHEN NOT EXISTS (SELECT 1 FROM inventory_counts_deferred) BEGIN ${counterDelta('NEW', 1)} END;
CREATE TRIGGER inventory_counts_delete AFTER DELETE ON inventory_items
WHEN NOT EXISTS (SELECT 1 FROM inventory_counts_deferred) BEGIN ${counterDelta('OLD', -1)} END;
CREATE TRIGGER inventory_counts_update AFTER UPDATE OF state, is_surplus, site_id ON inventory_items
WHEN NOT EXISTS (SELECT 1 FROM inventory_counts_deferred) BEGIN
  ${counterDelta('OLD', -1)}
  ${counterDelta('NEW', 1)}
END;
`,
};
