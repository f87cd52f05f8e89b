import type { Migration } from './migration';

/** The searched columns, in the index's order (the same four the LIKE scan of short queries reads). */
const COLUMNS = 'expected_serial, found_serial, asset_tag, model';
const values = (row: 'NEW' | 'OLD') => `${row}.rowid, ${row}.expected_serial, ${row}.found_serial, ${row}.asset_tag, ${row}.model`;
const changed = ['expected_serial', 'found_serial', 'asset_tag', 'model'].map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/**
 * Inventory search without scanning (issue #15): an FTS5 index with the trigram tokenizer over the
 * expected serial, found serial, asset tag and model, so any part of three characters or more of
 * a serial is found from the index, ignoring case (core/services/inventory-search-sql.ts).
 *
 * - External content (`content='inventory_items'`): the index keeps no second copy of the text;
 *   its rowid is the item's rowid. `columnsize=0`: nothing is ranked, so no sizes are kept.
 * - Kept by triggers on every path that writes `inventory_items`, pulls and site report imports
 *   included (they write through plain INSERT … ON CONFLICT / UPDATE / DELETE and only set the
 *   capture guard, which these triggers do not read). A path that set these triggers aside, or
 *   wrote with `INSERT OR REPLACE` (its implied delete fires no trigger without
 *   recursive_triggers), would have to `'rebuild'` the index in the same transaction; so would a
 *   later migration that rebuilds `inventory_items` (its rowids change; recreate these triggers too).
 * - The update trigger runs only when a searched value changed (a pulled row that differs only
 *   in its state leaves the index alone). The delete command must be given the values that were
 *   indexed, which OLD holds.
 * - The existing rows are indexed by `'rebuild'`.
 */
export const migration0028: Migration = {
  version: 28,
  name: 'inventory_search_index',
  sql: `
CREATE VIRTUAL TABLE inventory_search USING fts5(${COLUMNS}, content='inventory_items', tokenize='trigram', columnsize=0);
CREATE TRIGGER inventory_search_insert AFTER INSERT ON inventory_items BEGIN
  INSERT INTO inventory_search (rowid, ${COLUMNS}) VALUES (${values('NEW')});
END;
CREATE TRIGGER inventory_search_delete AFTER DELETE ON inventory_items BEGIN
  INSERT INTO inventory_search (inventory_search, rowid, ${COLUMNS}) VALUES ('delete', ${values('OLD')});
END;
CREATE TRIGGER inventory_search_update AFTER UPDATE OF ${COLUMNS} ON inventory_items WHEN ${changed} BEGIN
  INSERT INTO inventory_search (inventory_search, rowid, ${COLUMNS}) VALUES ('delete', ${values('OLD')});
  INSERT INTO inventory_search (rowid, ${COLUMNS}) VALUES (${values('NEW')});
END;
INSERT INTO inventory_search (inventory_search) VALUES ('rebuild');
`,
};
