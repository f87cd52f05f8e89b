import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/wire';
import { expectSearchMatchesScan, randomQueries, SEARCH_ALPHABET, SYNTAX_QUERIES } from '../../test/support/inventory-search-oracle';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';
import { seededRandom, type SeededRandom } from '../sample/seeded-random';
import { applyRows } from '../site-report/apply-rows';
import { applyChanges } from '../sync/apply-changes';
import { ftsPhrase, usesSearchIndex } from './inventory-search-sql';
import { changeMaker } from '../../test/support/pulled-changes';

// The trigram index must find exactly what a scan finds: every test compares the core's answers
// with a scan of the rows (test/support/inventory-search-oracle.ts) after each kind of write, and
// asks FTS5 to check the index against the rows.

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

interface Open {
  core: TestCore;
  db: Database.Database;
  deploymentId: string;
  siteIds: string[];
}

function openWithRandomItems(rng: SeededRandom, perSite: number): Open {
  const sample = openSampleCore();
  const db = new Database(sample.core.databaseFile);
  opened.push(sample.core, db);
  sample.core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const siteIds = sample.sites.slice(0, 3).map((s) => s.id);
  const insert = db.prepare(
    `INSERT INTO inventory_items (id, site_id, manufacturer, model, expected_serial, asset_tag, found_serial, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, 'Maker', ?, ?, ?, ?, '2026-01-01T00:00:00Z', 'Test', '2026-01-01T00:00:00Z', 'Test')`,
  );
  db.transaction(() => {
    for (const siteId of siteIds) for (let n = 0; n < perSite; n++) insert.run(`rnd-${siteId}-${n}`, siteId, ...randomValues(rng));
  })();
  return { core: sample.core, db, deploymentId: sample.deploymentId, siteIds };
}

/** Model, expected serial, asset tag, found serial: some missing, some short, some long. */
function randomValues(rng: SeededRandom): [string, string | null, string | null, string | null] {
  const text = () => rng.chars(SEARCH_ALPHABET, rng.int(0, 14));
  const maybe = () => (rng.next() < 0.2 ? null : text());
  return [text(), maybe(), maybe(), rng.next() < 0.5 ? null : text()];
}

function expectIndexMatchesScan(o: Open, queries: readonly string[]): number {
  return expectSearchMatchesScan(o.core, o.db, o, queries);
}

describe('inventory search through the trigram index', () => {
  it('finds what a scan finds on random data, after inserts, updates, receipts and deletes', () => {
    const rng = seededRandom(15);
    const o = openWithRandomItems(rng, 150);
    const queries = randomQueries(rng, o.db, 120);
    expect(queries.some((q) => usesSearchIndex(q))).toBe(true);
    expect(queries.some((q) => !usesSearchIndex(q))).toBe(true);
    expect(expectIndexMatchesScan(o, queries)).toBeGreaterThan(0);

    // Updates of every searched column, and of a column the index does not hold.
    const ids = (o.db.prepare("SELECT id FROM inventory_items WHERE id LIKE 'rnd-%' ORDER BY id").all() as { id: string }[]).map(
      (r) => r.id,
    );
    const update = o.db.prepare('UPDATE inventory_items SET model = ?, expected_serial = ?, asset_tag = ?, found_serial = ? WHERE id = ?');
    const noteOnly = o.db.prepare("UPDATE inventory_items SET note = 'moved', state = 'missing' WHERE id = ?");
    for (const id of ids.filter(() => rng.next() < 0.3)) update.run(...randomValues(rng), id);
    for (const id of ids.filter(() => rng.next() < 0.1)) noteOnly.run(id);
    // Through the core: scans that receive, surplus found on site, state changes.
    const siteId = o.siteIds[0]!;
    const expectedSerials = o.core
      .call('inventory.list', { siteId, limit: 1000 })
      .items.filter((i) => !i.isSurplus && i.expectedSerial && /^[\x20-\x7E]+$/.test(i.expectedSerial.trim()));
    for (const item of expectedSerials.slice(0, 10)) o.core.call('inventory.receive', { siteId, serial: item.expectedSerial! });
    for (let n = 0; n < 5; n++)
      o.core.call('inventory.recordSurplus', {
        siteId,
        serial: `SURPLUS-${rng.chars(SEARCH_ALPHABET.replace(/[ ]/g, ''), 6)}`,
        model: 'Found on site',
      });
    o.core.call('inventory.setState', { itemId: expectedSerials[11]!.id, state: 'damaged' });
    // Deletes, one at a time and a whole site's rows.
    const remove = o.db.prepare('DELETE FROM inventory_items WHERE id = ?');
    for (const id of ids.filter(() => rng.next() < 0.2)) remove.run(id);
    o.db.prepare('DELETE FROM inventory_items WHERE site_id = ?').run(o.siteIds[2]!);

    expect(expectIndexMatchesScan(o, [...queries, 'SURPLUS', 'surplus-', 'found on'])).toBeGreaterThan(0);
  });

  it('stays in step with rows stored by a sync pull: new rows, changed serials, tombstones', () => {
    const rng = seededRandom(28);
    const o = openWithRandomItems(rng, 80);
    const template = o.db.prepare('SELECT * FROM inventory_items WHERE site_id = ? LIMIT 1').get(o.siteIds[0]) as Record<
      string,
      string | number | null
    >;
    const existing = (
      o.db.prepare("SELECT * FROM inventory_items WHERE id LIKE 'rnd-%' ORDER BY id").all() as Record<string, string | number | null>[]
    ).filter(() => rng.next() < 0.4);
    const change = changeMaker('inventory_items', 2);
    const withValues = (row: Record<string, unknown>) => {
      const [model, expectedSerial, assetTag, foundSerial] = randomValues(rng);
      return {
        ...row,
        model,
        expected_serial: expectedSerial,
        expected_serial_key: expectedSerial?.toUpperCase() ?? null,
        asset_tag: assetTag,
        found_serial: foundSerial,
      };
    };
    const page: Change[] = [
      ...Array.from({ length: 40 }, (_, n) =>
        change(`pulled-${n}`, withValues({ ...template, id: `pulled-${n}`, site_id: rng.pick(o.siteIds) })),
      ),
      ...existing.map((row, n) =>
        n % 3 === 0 ? change(String(row.id), null) : change(String(row.id), n % 3 === 1 ? withValues(row) : { ...row, state: 'verified' }),
      ),
      change('pulled-1', null),
      change('pulled-2', withValues({ ...template, id: 'pulled-2', site_id: o.siteIds[1] })),
    ];
    o.db.pragma('foreign_keys = OFF');
    const applied = o.db.transaction(() => applyChanges(o.db, page, { partition: `site:${o.siteIds[0]}` }))();
    expect(applied).toBe(page.length);
    expect(o.db.prepare("SELECT count(*) AS n FROM inventory_items WHERE id LIKE 'pulled-%'").get()).toEqual({ n: 39 });
    expectIndexMatchesScan(o, randomQueries(rng, o.db, 80));
  });

  it('stays in step with rows stored by a site report import: new rows and changed ones', () => {
    const rng = seededRandom(10);
    const o = openWithRandomItems(rng, 60);
    const template = o.db.prepare('SELECT * FROM inventory_items WHERE site_id = ? LIMIT 1').get(o.siteIds[0]) as Record<
      string,
      string | number | null
    >;
    const existing = o.db.prepare("SELECT * FROM inventory_items WHERE id LIKE 'rnd-%' ORDER BY id LIMIT 30").all() as Record<
      string,
      string | number | null
    >[];
    const withValues = (row: Record<string, string | number | null>) => {
      const [model, expectedSerial, assetTag, foundSerial] = randomValues(rng);
      return {
        ...row,
        model,
        expected_serial: expectedSerial,
        expected_serial_key: expectedSerial?.toUpperCase() ?? null,
        asset_tag: assetTag,
        found_serial: foundSerial,
        state: 'received',
      };
    };
    const rows = [
      ...Array.from({ length: 25 }, (_, n) => ({
        entity: 'inventory_items',
        rowId: `reported-${n}`,
        data: withValues({ ...template, id: `reported-${n}` }),
      })),
      ...existing.map((row) => ({ entity: 'inventory_items', rowId: String(row.id), data: withValues(row) })),
    ];
    const stored = o.db.transaction(() =>
      applyRows(
        o.db,
        rows,
        rows.map((r) => (r.rowId.startsWith('reported-') ? 'new' : 'changed')),
      ),
    )();
    expect(stored).toBe(rows.length);
    expectIndexMatchesScan(o, randomQueries(rng, o.db, 60));
  });

  it('takes typed query syntax as plain text: quotes, *, -, NEAR, column filters and LIKE wildcards never error and match literally', () => {
    const o = openWithRandomItems(seededRandom(3), 0);
    const siteId = o.siteIds[0]!;
    const serials = ['AB"CD-1', 'NEAR(x y)', 'X*Y-42', 'col:umn', '50%_OFF', 'plain-777'];
    for (const serial of serials) o.core.call('inventory.recordSurplus', { siteId, serial });
    const found = (query: string) => o.core.call('inventory.list', { siteId, query, state: 'surplus' }).items.map((i) => i.foundSerial);
    expect(found('b"c')).toEqual(['AB"CD-1']);
    expect(found('"')).toEqual(['AB"CD-1']);
    expect(found('near(')).toEqual(['NEAR(x y)']);
    expect(found('NEAR')).toEqual(['NEAR(x y)']);
    expect(found('*Y-')).toEqual(['X*Y-42']);
    expect(found('X*')).toEqual(['X*Y-42']);
    expect(found('-42')).toEqual(['X*Y-42']);
    expect(found('col:')).toEqual(['col:umn']);
    expect(found('%_O')).toEqual(['50%_OFF']);
    expect(found('%')).toEqual(['50%_OFF']);
    for (const query of SYNTAX_QUERIES) expect(o.core.dispatch('inventory.list', { siteId, query }).ok).toBe(true);
    expect(o.core.dispatch('inventory.list', { siteId, query: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('a backup copy (VACUUM INTO) keeps the index in step with its rows', () => {
    const rng = seededRandom(9);
    const o = openWithRandomItems(rng, 60);
    o.db.prepare("DELETE FROM inventory_items WHERE id LIKE 'rnd-%-1%'").run(); // gaps in the rowids
    const copyFile = `${o.core.databaseFile}.copy`;
    o.db.prepare('VACUUM INTO ?').run(copyFile);
    const copy = new Database(copyFile);
    opened.push(copy);
    copy.prepare("INSERT INTO inventory_search (inventory_search, rank) VALUES ('integrity-check', 1)").run();
    const ids = (db: Database.Database, q: string) =>
      (
        db
          .prepare(
            'SELECT i.id FROM inventory_search f JOIN inventory_items i ON i.rowid = f.rowid WHERE inventory_search MATCH ? ORDER BY i.id',
          )
          .all(ftsPhrase(q)) as { id: string }[]
      ).map((r) => r.id);
    for (const q of randomQueries(rng, o.db, 40).filter(usesSearchIndex)) expect(ids(copy, q)).toEqual(ids(o.db, q));
  });
});
