import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/wire';
import { openSampleCore } from '../../test/support/temp-core';
import { applyChanges } from './apply-changes';
import { changeMaker } from '../../test/support/pulled-changes';

/** What the counters must say: counted from the rows. */
function recount(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT site_id AS siteId, sum(is_surplus = 0) AS expected,
         sum(is_surplus = 0 AND state IN ('received','installed','verified','damaged')) AS received,
         sum(is_surplus = 1) AS surplus, sum(state = 'damaged') AS damaged
       FROM inventory_items GROUP BY site_id ORDER BY site_id`,
    )
    .all();
}

function counters(sqlite: Database.Database) {
  return sqlite
    .prepare(
      'SELECT site_id AS siteId, expected, received, surplus, damaged FROM inventory_counts WHERE expected + received + surplus + damaged > 0 ORDER BY site_id',
    )
    .all();
}

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

describe('reconciliation counters while a pulled page is stored', () => {
  it('match a recount after inserts, state changes, surplus, a move to another site and deletes, and the triggers count again afterwards', () => {
    const { core, sites } = openSampleCore();
    const sqlite = new Database(core.databaseFile);
    opened.push(core, sqlite);
    const [a, b] = [sites[0]!.id, sites[1]!.id];
    const existing = sqlite.prepare('SELECT * FROM inventory_items WHERE site_id = ? ORDER BY id LIMIT 3').all(a) as Record<
      string,
      string | number | null
    >[];
    const row = (id: string, siteId: string, state: string, surplus = 0) => ({
      ...existing[0]!,
      id,
      site_id: siteId,
      state,
      is_surplus: surplus,
      expected_serial: `X-${id}`,
      expected_serial_key: `X-${id}`,
    });
    const change = changeMaker('inventory_items');
    const page: Change[] = [
      change('new-1', row('new-1', a, 'expected')),
      change('new-2', row('new-2', a, 'received')),
      change('new-3', row('new-3', b, 'damaged')),
      change('new-4', row('new-4', b, 'received', 1)),
      change(String(existing[0]!.id), { ...existing[0]!, state: 'verified' }),
      change(String(existing[1]!.id), { ...existing[1]!, site_id: b, state: 'damaged' }),
      change(String(existing[2]!.id), null),
      change('new-1', row('new-1', a, 'installed')),
    ];
    sqlite.pragma('foreign_keys = OFF');
    sqlite.transaction(() => applyChanges(sqlite, page, { partition: `site:${a}` }))();
    expect(counters(sqlite)).toEqual(recount(sqlite));
    expect(sqlite.prepare('SELECT count(*) AS n FROM inventory_counts_deferred').get()).toEqual({ n: 0 });

    // Outside a pull the triggers keep counting.
    sqlite.prepare("UPDATE inventory_items SET state = 'received' WHERE id = 'new-3'").run();
    sqlite.prepare("DELETE FROM inventory_items WHERE id = 'new-2'").run();
    expect(counters(sqlite)).toEqual(recount(sqlite));
  });

  it('leave the counters untouched when the page fails', () => {
    const { core, site } = openSampleCore();
    const sqlite = new Database(core.databaseFile);
    opened.push(core, sqlite);
    const before = counters(sqlite);
    const bad: Change = {
      seq: 1,
      entity: 'inventory_items',
      rowId: 'x-1',
      version: 1,
      deleted: false,
      data: { id: 'x-1', site_id: site.id, state: 'received' },
    };
    expect(() => sqlite.transaction(() => applyChanges(sqlite, [bad], { partition: `site:${site.id}` }))()).toThrow();
    expect(counters(sqlite)).toEqual(before);
    expect(sqlite.prepare('SELECT count(*) AS n FROM inventory_counts_deferred').get()).toEqual({ n: 0 });
  });

  it('count the rows stored and not the one quarantined when a page is stored row by row', () => {
    const { core, site } = openSampleCore();
    const sqlite = new Database(core.databaseFile);
    opened.push(core, sqlite);
    const template = sqlite.prepare('SELECT * FROM inventory_items WHERE site_id = ? LIMIT 1').get(site.id) as Record<
      string,
      string | number | null
    >;
    const good = (id: string): Change => ({
      seq: 1,
      entity: 'inventory_items',
      rowId: id,
      version: 1,
      deleted: false,
      data: { ...template, id, state: 'received', expected_serial: `G-${id}`, expected_serial_key: `G-${id}` },
    });
    const poison: Change = { ...good('p-1'), data: { ...good('p-1').data, state: 'lost_in_transit' } };
    sqlite.pragma('foreign_keys = OFF');
    sqlite.transaction(() =>
      applyChanges(sqlite, [good('g-1'), poison, good('g-2')], { partition: `site:${site.id}`, isolateRows: true }),
    )();
    expect(counters(sqlite)).toEqual(recount(sqlite));
    expect(sqlite.prepare("SELECT id FROM inventory_items WHERE id IN ('g-1', 'g-2', 'p-1') ORDER BY id").all()).toEqual([
      { id: 'g-1' },
      { id: 'g-2' },
    ]);
    expect(sqlite.prepare('SELECT entity, row_id AS rowId, reason FROM sync_quarantine').all()).toEqual([
      { entity: 'inventory_items', rowId: 'p-1', reason: expect.stringContaining('inventory_items.state must be one of') },
    ]);
  });
});
