import type Database from 'better-sqlite3';
import { keyValuesOf, SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import { createLogger } from '../logging/logger';
import { hasPendingOperation } from './outbox-store';
import { placementSql, rowIdSql } from './partition-sql';
import { deleteStatement } from './row-sql';
import { ident } from './sql-names';

const log = createLogger('sync.snapshot');

/**
 * After a complete snapshot of a partition: removes the local rows of that partition the server no
 * longer has, children first, unless they have pending local changes. Append-only rows and rows the
 * database refuses to delete (signed sheets, finished check runs) stay. Call inside the transaction
 * that stores the final cursor, with the guard row set.
 */
export function removeRowsAbsentFromSnapshot(sqlite: Database.Database, partition: string, seen: Map<string, Set<string>>): number {
  const pending = hasPendingOperation(sqlite);
  let removed = 0;
  for (const entity of [...SYNC_ENTITIES].reverse()) {
    if (entity.appendOnly) continue;
    const rows = sqlite
      .prepare(`SELECT ${rowIdSql(entity, 'R')} AS rowId FROM ${ident(entity.name)} R WHERE ${placementSql(entity, 'R').partition} = ?`)
      .all(partition) as { rowId: string }[];
    const present = seen.get(entity.name) ?? new Set<string>();
    const remove = deleteStatement(sqlite, entity);
    for (const { rowId } of rows) {
      if (present.has(rowId) || pending(entity.name, rowId)) continue;
      const keys = keyValuesOf(entity, rowId);
      if (!keys) continue;
      try {
        remove.run(...entity.key.map((k) => keys[k]));
        removed += 1;
      } catch (error) {
        log.warn('row absent on the server kept locally', { entity: entity.name, rowId, reason: (error as Error).message });
      }
    }
  }
  return removed;
}
