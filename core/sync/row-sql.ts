import type Database from 'better-sqlite3';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import { cachedStatementFor } from '../db/statement-cache';
import { keyWhereSql } from './partition-sql';
import { ident } from './sql-names';

/**
 * The SQL that writes synced rows to their local tables by key, for every path that brings rows from
 * elsewhere: sync pull (apply-changes.ts, snapshot-cleanup.ts) and site report import
 * (site-report/apply-rows.ts). Each statement is prepared once per connection
 * (core/db/statement-cache.ts, which the dashboard's reads use too).
 */

/**
 * `INSERT … ON CONFLICT(key)`: an insert-only row (append-only entities, signed sheets) is left as
 * it is when it exists; any other row is updated only where a value differs, so an unchanged row
 * is not rewritten (no trigger fires, no page is dirtied). `columns` are the ones the row carries,
 * key columns included; the statement's parameters are their values in that order.
 */
export function upsertSql(entity: SyncEntity, columns: readonly string[], insertOnly: boolean): string {
  const table = ident(entity.name);
  const insert = `INSERT INTO ${table} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT(${entity.key.map(ident).join(', ')})`;
  const others = columns.filter((c) => !entity.key.includes(c));
  if (insertOnly || others.length === 0) return `${insert} DO NOTHING`;
  const set = others.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ');
  const differs = others.map((c) => `${table}.${ident(c)} IS NOT excluded.${ident(c)}`).join(' OR ');
  return `${insert} DO UPDATE SET ${set} WHERE ${differs}`;
}

/** The cached upsert statement of this entity and column set on this connection. */
export function upsertStatement(
  sqlite: Database.Database,
  entity: SyncEntity,
  columns: readonly string[],
  insertOnly: boolean,
): Database.Statement {
  return cachedStatementFor(sqlite, `upsert:${entity.name}:${insertOnly ? 'insert' : 'upsert'}:${columns.join(',')}`, () =>
    upsertSql(entity, columns, insertOnly),
  );
}

/** `DELETE` by key; parameters: the key values in key order. */
export function deleteStatement(sqlite: Database.Database, entity: SyncEntity): Database.Statement {
  return cachedStatementFor(sqlite, `delete:${entity.name}`, () => `DELETE FROM ${ident(entity.name)} WHERE ${keyWhereSql(entity)}`);
}

/** `UPDATE … SET` these non-key columns by key; parameters: the column values, then the key values. */
export function updateStatement(sqlite: Database.Database, entity: SyncEntity, columns: readonly string[]): Database.Statement {
  return cachedStatementFor(
    sqlite,
    `update:${entity.name}:${columns.join(',')}`,
    () => `UPDATE ${ident(entity.name)} SET ${columns.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${keyWhereSql(entity)}`,
  );
}

/** One row (`SELECT 1`) when the row with this key holds other values in these columns; parameters: the key values, then the column values. */
export function differsStatement(sqlite: Database.Database, entity: SyncEntity, columns: readonly string[]): Database.Statement {
  return cachedStatementFor(
    sqlite,
    `differs:${entity.name}:${columns.join(',')}`,
    () =>
      `SELECT 1 FROM ${ident(entity.name)} WHERE ${keyWhereSql(entity)} AND NOT (${columns.map((c) => `${ident(c)} IS ?`).join(' AND ')})`,
  );
}

/** The entity's columns present in a row, in declaration order (a pulled update may carry fewer than all). */
export function columnsIn(entity: SyncEntity, data: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(entity.columns).filter((c) => c in data);
}
