import type Database from 'better-sqlite3';
import type { EntityCounts } from '../../shared/contract/site-report-methods';
import type { FileRow } from '../../shared/site-report/file-format';
import { keyValuesOf, syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import { columnsOf, keyWhereSql, rowJsonSql } from '../sync/partition-sql';
import { ident } from '../sync/sql-names';
import { cachedStatement } from '../db/statement-cache';

export type RowVerdict = 'new' | 'changed' | 'unchanged' | 'keptNewer';

/** Tables whose rows never change once written (triggers refuse UPDATE): a differing copy is left alone. */
export function isImmutable(entity: SyncEntity): boolean {
  return entity.appendOnly || entity.name === 'sign_off_sheets';
}

/**
 * What importing each row would do here: `new` (not on this device), `unchanged` (the same), or
 * `changed` (applied). `keptNewer`: this device's copy stays: it was changed later here (a later
 * `updated_at`), it has local changes waiting to be pushed, or the row is immutable.
 */
export function compareWithLocal(
  sqlite: Database.Database,
  rows: readonly FileRow[],
): { verdicts: RowVerdict[]; entities: EntityCounts[] } {
  const pending = sqliteHasOutbox(sqlite) ? pendingCheck(sqlite) : () => false;
  const counts = new Map<string, EntityCounts>();
  const verdicts = rows.map((row) => {
    const entity = syncEntity(row.entity)!;
    const statement = cachedStatement(sqlite, selectSql(entity));
    const keys = keyValuesOf(entity, row.rowId) ?? {};
    const local = statement.get(...entity.key.map((k) => keys[k])) as { data: string } | undefined;
    const verdict = judge(entity, row, local ? (JSON.parse(local.data) as Record<string, unknown>) : null, pending);
    const c = counts.get(entity.name) ?? { entity: entity.name, inFile: 0, new: 0, changed: 0, unchanged: 0, keptNewer: 0 };
    c.inFile += 1;
    c[verdict] += 1;
    counts.set(entity.name, c);
    return verdict;
  });
  return { verdicts, entities: [...counts.values()] };
}

const selectSqls = new Map<string, string>();

function selectSql(entity: SyncEntity): string {
  let sql = selectSqls.get(entity.name);
  if (!sql) {
    sql = `SELECT ${rowJsonSql(columnsOf(entity), 't')} AS data FROM ${ident(entity.name)} t WHERE ${keyWhereSql(entity, 't')}`;
    selectSqls.set(entity.name, sql);
  }
  return sql;
}

function judge(
  entity: SyncEntity,
  row: FileRow,
  local: Record<string, unknown> | null,
  pending: (e: string, r: string) => boolean,
): RowVerdict {
  if (!local) return 'new';
  const same = Object.keys(entity.columns).every((c) => (local[c] ?? null) === (row.data[c] ?? null));
  if (same) return 'unchanged';
  if (isImmutable(entity) || pending(entity.name, row.rowId)) return 'keptNewer';
  const mine = local.updated_at;
  const theirs = row.data.updated_at;
  if (typeof mine === 'string' && typeof theirs === 'string' && mine > theirs) return 'keptNewer';
  return 'changed';
}

function sqliteHasOutbox(sqlite: Database.Database): boolean {
  return cachedStatement(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_outbox'").get() !== undefined;
}

/** Whether a row has local changes waiting to be pushed (as core/sync/outbox-store.ts asks it). */
export function pendingCheck(sqlite: Database.Database): (entity: string, rowId: string) => boolean {
  const statement = cachedStatement(sqlite, 'SELECT 1 FROM sync_outbox WHERE entity = ? AND row_id = ? LIMIT 1');
  return (entity, rowId) => statement.get(entity, rowId) !== undefined;
}
