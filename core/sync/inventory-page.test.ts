import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { syncEntity } from '../../shared/sync/entity-registry';
import type { Change, WireRow } from '../../shared/sync/wire';
import { openSampleCore, tempDataDir } from '../../test/support/temp-core';
import { applyChanges } from './apply-changes';
import { INVENTORY_PAGE_TRIGGERS } from './inventory-page';
import { columnsIn, deleteStatement, upsertStatement } from './row-sql';
import { changeMaker } from '../../test/support/pulled-changes';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

const inventory = syncEntity('inventory_items')!;
type Row = Record<string, string | number | null>;

/** Two copies of the sample database: one for the page with its triggers set aside, one for the triggers row by row. */
function twoCopies() {
  const { core, sites } = openSampleCore();
  const file = core.databaseFile;
  core.close();
  const copy = `${tempDataDir('outpost-inventory-page')}/copy.db`;
  fs.copyFileSync(file, copy);
  const [paged, byRow] = [new Database(file), new Database(copy)];
  opened.push(paged, byRow);
  for (const db of [paged, byRow]) db.pragma('foreign_keys = OFF');
  return { paged, byRow, sites };
}

/** The page as the triggers see it row by row: every statement fires them (the guard silences capture, as in a pull). */
function applyRowByRow(sqlite: Database.Database, changes: readonly Change[]): void {
  sqlite.transaction(() => {
    sqlite.prepare('INSERT INTO sync_apply_guard (id) VALUES (1)').run();
    for (const change of changes) {
      if (change.deleted) deleteStatement(sqlite, inventory).run(change.rowId);
      else {
        const data = change.data as WireRow;
        const columns = columnsIn(inventory, data);
        upsertStatement(sqlite, inventory, columns, false).run(...columns.map((c) => data[c] ?? null));
      }
    }
    sqlite.prepare('DELETE FROM sync_apply_guard').run();
  })();
}

const counters = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM inventory_counts ORDER BY site_id').all();
const triggers = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'inventory_items' ORDER BY name").all();
const hits = (sqlite: Database.Database, query: string) =>
  sqlite
    .prepare('SELECT i.id FROM inventory_search f JOIN inventory_items i ON i.rowid = f.rowid WHERE inventory_search MATCH ? ORDER BY i.id')
    .all(`"${query}"`);
const indexIsWhole = (sqlite: Database.Database) =>
  sqlite.prepare("INSERT INTO inventory_search (inventory_search, rank) VALUES ('integrity-check', 1)").run();

describe('a pulled page of inventory rows with the triggers set aside', () => {
  it('leaves the same counters and search index as the triggers row by row, and the triggers as they were', () => {
    const { paged, byRow, sites } = twoCopies();
    const [a, b] = [sites[0]!.id, sites[1]!.id];
    const existing = paged.prepare('SELECT * FROM inventory_items WHERE site_id = ? ORDER BY rowid').all(a) as Row[];
    const last = paged.prepare('SELECT * FROM inventory_items ORDER BY rowid DESC LIMIT 1').get() as Row;
    const row = (id: string, siteId: string, state: string, serial: string, surplus = 0): Row => ({
      ...existing[0]!,
      id,
      site_id: siteId,
      state,
      is_surplus: surplus,
      expected_serial: serial,
      expected_serial_key: serial,
      found_serial: null,
      found_serial_key: null,
      asset_tag: `TAG-${serial}`,
      model: `Model ${serial.slice(0, 3)}`,
    });
    const change = changeMaker('inventory_items');
    const [e0, e1, e2, e3, e4] = existing as [Row, Row, Row, Row, Row];
    const page: Change[] = [
      change(String(last.id), null), // the highest rowid goes: the next new row takes it again
      change('new-1', row('new-1', a, 'expected', 'QQX-1001')),
      change('new-2', row('new-2', a, 'received', 'QQX-1002')),
      change('new-3', row('new-3', b, 'damaged', 'ZZY-3003', 1)),
      change(String(e0.id), { ...e0, state: 'verified' }), // not a searched column
      change(String(e1.id), { ...e1, site_id: b, state: 'damaged', model: 'Moved model ABC' }),
      change(String(e2.id), null),
      change(String(e3.id), { ...e3, found_serial: 'FND-777', found_serial_key: 'FND-777', state: 'received' }),
      change('new-1', row('new-1', a, 'installed', 'QQX-1111')), // the same row twice in the page
      change('new-2', null), // inserted and deleted in the page
      change(String(e4.id), null),
      change(String(e4.id), { ...e4, asset_tag: 'BACK-AGAIN' }), // deleted and back under a new rowid
    ];
    const triggersBefore = triggers(paged);

    paged.transaction(() => applyChanges(paged, page, { partition: `site:${a}` }))();
    applyRowByRow(byRow, page);

    expect(counters(paged)).toEqual(counters(byRow));
    indexIsWhole(paged);
    for (const query of [
      'QQX',
      'QQX-1111',
      'QQX-1001',
      'QQX-1002',
      'ZZY-3',
      'FND-7',
      'Moved',
      'BACK-AGAIN',
      'TAG',
      String(e0.expected_serial),
    ])
      expect(hits(paged, query), query).toEqual(hits(byRow, query));
    expect(hits(paged, 'QQX-1111')).toEqual([{ id: 'new-1' }]);
    expect(hits(paged, 'QQX-1001')).toEqual([]);
    expect(triggers(paged)).toEqual(triggersBefore);
    expect(paged.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(
      byRow.prepare('SELECT count(*) AS n FROM sync_outbox').get(),
    );

    // The triggers count and index again outside a pull.
    paged.prepare("UPDATE inventory_items SET state = 'received', model = 'After pull XYZ' WHERE id = 'new-3'").run();
    byRow.prepare("UPDATE inventory_items SET state = 'received', model = 'After pull XYZ' WHERE id = 'new-3'").run();
    expect(counters(paged)).toEqual(counters(byRow));
    expect(hits(paged, 'After pull')).toEqual([{ id: 'new-3' }]);
    indexIsWhole(paged);
  });

  it('puts the triggers back when the page fails and when a row goes to the quarantine', () => {
    const { paged, sites } = twoCopies();
    const site = sites[0]!.id;
    const template = paged.prepare('SELECT * FROM inventory_items WHERE site_id = ? LIMIT 1').get(site) as Row;
    const good = (id: string): Change => ({
      seq: 1,
      entity: 'inventory_items',
      rowId: id,
      version: 1,
      deleted: false,
      data: { ...template, id, expected_serial: `G-${id}`, expected_serial_key: `G-${id}` },
    });
    const poison: Change = { ...good('p-1'), data: { ...good('p-1').data, state: 'lost_in_transit' } };
    const before = triggers(paged);
    const countersBefore = counters(paged);

    expect(() => paged.transaction(() => applyChanges(paged, [good('g-0'), poison], { partition: `site:${site}` }))()).toThrow();
    expect(triggers(paged)).toEqual(before);
    expect(counters(paged)).toEqual(countersBefore);

    paged.transaction(() => applyChanges(paged, [good('g-1'), poison, good('g-2')], { partition: `site:${site}`, isolateRows: true }))();
    expect(triggers(paged)).toEqual(before);
    expect(hits(paged, 'G-g-1')).toEqual([{ id: 'g-1' }]);
    expect(hits(paged, 'G-g-2')).toEqual([{ id: 'g-2' }]);
    expect(hits(paged, 'G-p-1')).toEqual([]);
    indexIsWhole(paged);
  });

  it('sets aside only triggers whose work the page does itself (a new trigger on inventory_items must be added to the list or kept)', () => {
    const { paged } = twoCopies();
    const names = (triggers(paged) as { name: string }[]).map((t) => t.name);
    expect(names.length).toBe(9);
    expect(names.filter((n) => !INVENTORY_PAGE_TRIGGERS.some((p) => n.startsWith(p)))).toEqual([]);
  });
});
