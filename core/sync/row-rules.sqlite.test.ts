import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_ENTITIES, syncEntity, type SyncEntityName } from '../../shared/sync/entity-registry';
import { allDeclaredRules, entityRules, immutabilityViolation, rowViolations } from '../../shared/sync/row-rules';
import type { WireRow } from '../../shared/sync/wire';
import { breakingRows, validRow } from '../../test/support/valid-rows';
import { openDatabase } from '../db/open-database';

/**
 * The shared row rules agree with the desktop's SQLite: every row a rule refuses, a real database
 * opened with the migrations refuses too (and every valid row both accept). Foreign keys are off,
 * as in a pull, so only the declared constraints decide.
 */

let dir: string;
let sqlite: Database.Database;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-row-rules-'));
  sqlite = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups') }).sqlite;
  sqlite.pragma('foreign_keys = OFF');
});
afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
/** A fresh row: unique key values so rows of one entity never collide by key. */
function freshRow(entity: SyncEntityName, overrides: WireRow = {}): WireRow {
  counter++;
  const row = validRow(entity, overrides);
  const enumColumns = new Set(entityRules(entity)!.rules.flatMap((rule) => (rule.kind === 'enum' ? [rule.column] : [])));
  for (const column of syncEntity(entity)!.key)
    if (!(column in overrides) && !enumColumns.has(column)) row[column] = `${String(row[column])}-${counter}`;
  for (const column of ['number', 'seq', 'code', 'ref_id'])
    if (column in row && !(column in overrides)) row[column] = typeof row[column] === 'number' ? counter : `c-${counter}`;
  if (entity === 'checklist_phases' && !('phase' in overrides)) row.phase = 'before';
  return row;
}

/** Inserts the row in a savepoint that is rolled back: returns the SQLite error message, or undefined when accepted. */
function sqliteRefusal(entity: string, row: WireRow, after?: (db: Database.Database) => void): string | undefined {
  const columns = Object.keys(row);
  const insert = `INSERT INTO ${entity} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  sqlite.exec('SAVEPOINT probe');
  try {
    sqlite.prepare(insert).run(...columns.map((c) => row[c] as string | number | null));
    after?.(sqlite);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    sqlite.exec('ROLLBACK TO probe');
    sqlite.exec('RELEASE probe');
  }
}

describe('shared row rules and the SQLite schema agree', () => {
  it.each(SYNC_ENTITIES.map((e) => e.name))('a valid %s row passes both', (entity) => {
    const row = freshRow(entity);
    expect(rowViolations(entity, row)).toEqual([]);
    expect(sqliteRefusal(entity, row)).toBeUndefined();
  });

  const cases = allDeclaredRules().flatMap(({ entity, rule }) =>
    breakingRows(entity, rule, validRow(entity)).map((broken) => ({ entity, rule, ...broken })),
  );
  it('derives at least one breaking row for every declared rule', () => {
    expect(cases.length).toBeGreaterThan(allDeclaredRules().length);
  });
  it.each(cases.map((c) => [c.entity, c.what, c] as const))('%s with %s is refused by both', (entity, _what, c) => {
    const base = validRow(entity);
    const row = { ...freshRow(entity), ...Object.fromEntries(Object.entries(c.row).filter(([column, value]) => value !== base[column])) };
    expect(rowViolations(entity, row).length).toBeGreaterThan(0);
    expect(sqliteRefusal(entity, row)).toMatch(/CHECK constraint failed/);
  });

  // A one-column TEXT PRIMARY KEY accepts NULL in SQLite (a legacy quirk); the rules refuse it all the same.
  const notNull = SYNC_ENTITIES.flatMap((e) =>
    Object.entries(e.columns)
      .filter(([column, type]) => !type.endsWith('?') && !(e.key.length === 1 && e.key[0] === column))
      .map(([column]) => [e.name, column] as const),
  );
  it.each(notNull)('%s.%s null is refused by both (NOT NULL)', (entity, column) => {
    const row = { ...freshRow(entity), [column]: null };
    expect(rowViolations(entity, row)).toContain(`${entity}.${column} may not be empty (NOT NULL)`);
    expect(sqliteRefusal(entity, row)).toMatch(/NOT NULL constraint failed/);
  });

  const frozen = SYNC_ENTITIES.flatMap((e) => {
    const rules = entityRules(e.name)!;
    return [...(rules.noUpdate ? [[e.name, 'update'] as const] : []), ...(rules.noDelete ? [[e.name, 'delete'] as const] : [])];
  });
  it.each(frozen)('%s: %s of a stored row is refused by both', (entity, kind) => {
    const rules = entityRules(entity)!;
    const freeze = kind === 'update' ? rules.noUpdate! : rules.noDelete!;
    const row = freshRow(entity, freeze.when === 'when_set' ? { [freeze.column]: 'x' } : {});
    expect(immutabilityViolation(entity, kind, row)).toBeDefined();
    const key = syncEntity(entity)!.key;
    const where = key.map((c) => `"${c}" = ?`).join(' AND ');
    const keyValues = key.map((c) => row[c] as string);
    const column = Object.keys(syncEntity(entity)!.columns).find((c) => !key.includes(c)) ?? key[0]!;
    const statement =
      kind === 'update' ? `UPDATE ${entity} SET "${column}" = "${column}" WHERE ${where}` : `DELETE FROM ${entity} WHERE ${where}`;
    expect(sqliteRefusal(entity, row, (db) => db.prepare(statement).run(...keyValues))).toBeDefined();
    if (freeze.when === 'when_set') {
      // Not yet set: both allow it.
      const open = freshRow(entity);
      expect(immutabilityViolation(entity, kind, open)).toBeUndefined();
      const openKey = key.map((c) => open[c] as string);
      expect(sqliteRefusal(entity, open, (db) => db.prepare(statement).run(...openKey))).toBeUndefined();
    }
  });

  it.each(SYNC_ENTITIES.filter((e) => !entityRules(e.name)!.noUpdate).map((e) => e.name))('%s: an update is allowed by both', (entity) => {
    const row = freshRow(entity);
    expect(immutabilityViolation(entity, 'update', row)).toBeUndefined();
    const key = syncEntity(entity)!.key;
    const column = Object.keys(syncEntity(entity)!.columns).find((c) => !key.includes(c)) ?? key[0]!;
    const statement = `UPDATE ${entity} SET "${column}" = "${column}" WHERE ${key.map((c) => `"${c}" = ?`).join(' AND ')}`;
    expect(sqliteRefusal(entity, row, (db) => db.prepare(statement).run(...key.map((c) => row[c] as string)))).toBeUndefined();
  });

  const uniques = SYNC_ENTITIES.flatMap((e) => (entityRules(e.name)!.unique ?? []).map((columns) => [e.name, columns] as const));
  it.each(uniques)('%s: two rows sharing %j are refused by SQLite (the server checks the declared group)', (entity, columns) => {
    const first = freshRow(entity);
    const second = { ...freshRow(entity), ...Object.fromEntries(columns.map((c) => [c, first[c]])) };
    expect(
      sqliteRefusal(entity, first, (db) => {
        const names = Object.keys(second);
        db.prepare(`INSERT INTO ${entity} (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
          ...names.map((c) => second[c] as string),
        );
      }),
    ).toMatch(/UNIQUE constraint failed/);
  });
});
