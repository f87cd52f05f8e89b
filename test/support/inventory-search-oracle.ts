import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { SeededRandom } from '../../core/sample/seeded-random';
import type { TestCore } from './temp-core';

/**
 * The reference for inventory search tests: every row scanned (instr on lower-cased values, what
 * LIKE '%q%' means for ASCII text), compared with the core's answers through the dispatcher.
 */

/** Serial-like text with the characters FTS5 query syntax and LIKE give a meaning to. */
export const SEARCH_ALPHABET = 'ABCDEFXYZabcxyz0123456789-_%"*:^()+ .';

/** Texts that would be query syntax if they reached FTS5 or LIKE unquoted. */
export const SYNTAX_QUERIES = [
  '"',
  '""',
  'a"b',
  '*',
  'AB*',
  '-AB',
  'NEAR',
  'NEAR(a b)',
  'A AND B',
  'a OR b',
  'NOT x',
  'expected_serial:AB',
  '(ab',
  'ab)',
  '^ab',
  '%',
  '_',
  '\\',
  "'",
  'a%b',
  '{a b}: c',
  '+-*',
];

/** Parts of stored values in another case, syntax-looking texts, random texts of 1 to 6 characters. */
export function randomQueries(rng: SeededRandom, db: Database.Database, count: number): string[] {
  const values = (
    db.prepare('SELECT expected_serial, found_serial, asset_tag, model FROM inventory_items').raw().all() as (string | null)[][]
  )
    .flat()
    .filter((v): v is string => !!v && v.trim().length > 0);
  const queries = [...SYNTAX_QUERIES];
  while (queries.length < count) {
    const kind = rng.int(0, 2);
    if (kind === 0) {
      const value = rng.pick(values);
      const start = rng.int(0, value.length - 1);
      const part = value.slice(start, start + rng.int(1, 6));
      queries.push(rng.next() < 0.5 ? part.toLowerCase() : part.toUpperCase());
    } else {
      queries.push(rng.chars(SEARCH_ALPHABET, rng.int(1, kind === 1 ? 2 : 6)));
    }
  }
  return queries.map((q) => q.trim()).filter((q) => q.length > 0);
}

/** Ids of the items within `where` (with `@p` as its parameter) that hold `query`, by a scan. */
export function scanForItems(db: Database.Database, query: string, where: string, param: string): string[] {
  const has = (c: string) => `instr(lower(ifnull(${c}, '')), lower(@q)) > 0`;
  const sql = `SELECT id FROM inventory_items WHERE ${where} AND (${['expected_serial', 'found_serial', 'asset_tag', 'model'].map(has).join(' OR ')}) ORDER BY id`;
  return (db.prepare(sql).all({ q: query, p: param }) as { id: string }[]).map((r) => r.id);
}

/**
 * Asks FTS5 to check the index against the rows, then compares each site's search and the
 * deployment-wide search (the caller's profile must be a manager's) with the scan. Returns the
 * number of matches seen, so a caller can check the queries found something.
 */
export function expectSearchMatchesScan(
  core: TestCore,
  db: Database.Database,
  scope: { deploymentId: string; siteIds: readonly string[] },
  queries: readonly string[],
): number {
  db.prepare("INSERT INTO inventory_search (inventory_search, rank) VALUES ('integrity-check', 1)").run();
  let found = 0;
  for (const query of queries) {
    for (const siteId of scope.siteIds) {
      const listed = core.call('inventory.list', { siteId, query, limit: 1000 });
      const expected = scanForItems(db, query, 'site_id = @p', siteId);
      expect({ query, ids: listed.items.map((i) => i.id).sort() }).toEqual({ query, ids: expected });
      expect(listed.total).toBe(expected.length);
      found += expected.length;
    }
    const across = core.call('inventory.searchDeployment', { deploymentId: scope.deploymentId, query, limit: 200 });
    const expected = scanForItems(db, query, 'site_id IN (SELECT id FROM sites WHERE deployment_id = @p)', scope.deploymentId);
    expect({ query, total: across.total }).toEqual({ query, total: expected.length });
    expect(across.matches.every((m) => expected.includes(m.item.id) && m.site.id === m.item.siteId)).toBe(true);
  }
  return found;
}
