import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { syncEntity } from '../../shared/sync/entity-registry';
import { cachedStatement } from '../db/statement-cache';
import { columnsIn, deleteStatement, upsertSql, upsertStatement } from './row-sql';

const issues = syncEntity('issues')!;
const phases = syncEntity('checklist_phases')!;

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A table with the entity's name and key, enough to run the built SQL against real SQLite. */
function tableFor(key: readonly string[], columns: readonly string[]): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.exec(`CREATE TABLE t (${columns.map((c) => `"${c}"`).join(', ')}, PRIMARY KEY (${key.map((k) => `"${k}"`).join(', ')}))`);
  db.exec('CREATE TABLE writes (n INTEGER)');
  db.exec('CREATE TRIGGER t_update AFTER UPDATE ON t BEGIN INSERT INTO writes VALUES (1); END');
  return db;
}

describe('the upsert SQL shared by sync pull and site report import', () => {
  it('updates only where a value differs, and quotes every identifier', () => {
    expect(upsertSql(issues, ['id', 'title', 'status'], false)).toBe(
      'INSERT INTO "issues" ("id", "title", "status") VALUES (?, ?, ?) ON CONFLICT("id") DO UPDATE SET "title" = excluded."title", "status" = excluded."status" ' +
        'WHERE "issues"."title" IS NOT excluded."title" OR "issues"."status" IS NOT excluded."status"',
    );
  });

  it('leaves an existing insert-only row alone, and a row of key columns only', () => {
    expect(upsertSql(issues, ['id', 'title'], true)).toBe(
      'INSERT INTO "issues" ("id", "title") VALUES (?, ?) ON CONFLICT("id") DO NOTHING',
    );
    expect(upsertSql(phases, ['site_id', 'phase'], false)).toBe(
      'INSERT INTO "checklist_phases" ("site_id", "phase") VALUES (?, ?) ON CONFLICT("site_id", "phase") DO NOTHING',
    );
  });

  it('inserts, updates a changed row, does not rewrite an unchanged one, and deletes by a composite key (real SQLite)', () => {
    const db = tableFor(['site_id', 'phase'], ['site_id', 'phase', 'note']);
    // The statements name the entity's table: run the same SQL against `t`.
    const run = (sql: string, ...values: unknown[]) => db.prepare(sql.replaceAll('"checklist_phases"', 't')).run(...values).changes;
    const sql = upsertSql(phases, ['site_id', 'phase', 'note'], false);
    expect(run(sql, 's1', 'install', 'a')).toBe(1);
    expect(run(sql, 's1', 'install', 'a')).toBe(0);
    expect(run(sql, 's1', 'install', 'b')).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM writes').get()).toEqual({ n: 1 });
    expect(run(upsertSql(phases, ['site_id', 'phase', 'note'], true), 's1', 'install', 'c')).toBe(0);
    expect(db.prepare('SELECT note FROM t').all()).toEqual([{ note: 'b' }]);
  });

  it('prepares each statement once per connection and entity shape', () => {
    const db = new Database(':memory:');
    opened.push(db);
    db.exec('CREATE TABLE issues (id TEXT PRIMARY KEY, title TEXT, status TEXT)');
    const first = upsertStatement(db, issues, ['id', 'title'], false);
    expect(upsertStatement(db, issues, ['id', 'title'], false)).toBe(first);
    expect(upsertStatement(db, issues, ['id', 'title', 'status'], false)).not.toBe(first);
    expect(upsertStatement(db, issues, ['id', 'title'], true)).not.toBe(first);
    expect(deleteStatement(db, issues)).toBe(deleteStatement(db, issues));
    expect(cachedStatement(db, 'SELECT 1')).toBe(cachedStatement(db, 'SELECT 1'));
    first.run('i1', 'Fan');
    deleteStatement(db, issues).run('i1');
    expect(db.prepare('SELECT count(*) AS n FROM issues').get()).toEqual({ n: 0 });
  });

  it('takes the columns a row carries, in declaration order', () => {
    expect(columnsIn(issues, { status: 'open', id: 'i1', not_a_column: 1 })).toEqual(['id', 'status']);
  });
});
