import type Database from 'better-sqlite3';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import { cachedStatementFor } from '../db/statement-cache';
import { ident } from './sql-names';

/**
 * The SQL that stores synced rows in their local tables, for every path that brings rows from
 * elsewhere: sync pull (apply-changes.ts) and site report import (site-report/apply-rows.ts).
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
export function upsertStatement(sqlite: Database.Database, entity: SyncEntity, columns: readonly string[], insertOnly: boolean): Database.Statement {
  return cachedStatementFor(sqlite, `upsert:${entity.name}:${insertOnly ? 'insert' : 'upsert'}:${columns.join(',')}`, () => upsertSql(entity, columns, insertOnly));
}

/** `DELETE` by key; parameters: the key values in key order. */
export function deleteStatement(sqlite: Database.Database, entity: SyncEntity): Database.Statement {
  return cachedStatementFor(sqlite, `delete:${entity.name}`, () => `DELETE FROM ${ident(entity.name)} WHERE ${entity.key.map((k) => `${ident(k)} = ?`).join(' AND ')}`);
}

/** The entity's columns present in a row, in declaration order (a pulled update may carry fewer than all). */
export function columnsIn(entity: SyncEntity, data: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(entity.columns).filter((c) => c in data);
}
