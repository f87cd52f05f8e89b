import type Database from 'better-sqlite3';
import type { FileRow } from '../../shared/site-report/file-format';
import { syncEntity } from '../../shared/sync/entity-registry';
import type { WireRow } from '../../shared/sync/wire';
import { columnsOf } from '../sync/partition-sql';
import { upsertStatement } from '../sync/row-sql';
import { makeRoomForPulledRow } from '../sync/unique-clashes';
import { DomainError } from '../services/domain-error';
import { isImmutable, pendingCheck, type RowVerdict } from './compare-local';
import { cachedStatement } from '../db/statement-cache';

/**
 * Stores the rows judged new or changed, the way pulled rows are stored (core/sync/apply-changes.ts):
 * the apply guard is set so the capture triggers leave them out of this device's outbox (the
 * technician's device pushes its own operations later; the server de-duplicates by op id), foreign
 * keys are checked at commit, a local issue holding a pulled number makes room. Sync versions are
 * left alone: the next pull brings the server's. Call inside the import's transaction.
 */
export function applyRows(sqlite: Database.Database, rows: readonly FileRow[], verdicts: readonly RowVerdict[]): number {
  const hasGuard =
    cachedStatement(sqlite, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_apply_guard'").get() !== undefined;
  const pending = hasGuard ? pendingCheck(sqlite) : () => false;
  sqlite.pragma('defer_foreign_keys = ON');
  if (hasGuard) cachedStatement(sqlite, 'INSERT INTO sync_apply_guard (id) VALUES (1) ON CONFLICT(id) DO NOTHING').run();
  let applied = 0;
  try {
    rows.forEach((row, index) => {
      const verdict = verdicts[index];
      if (verdict !== 'new' && verdict !== 'changed') return;
      const entity = syncEntity(row.entity)!;
      const columns = columnsOf(entity);
      const statement = upsertStatement(sqlite, entity, columns, isImmutable(entity));
      const values = columns.map((c) => row.data[c] ?? null);
      try {
        try {
          statement.run(...values);
        } catch (error) {
          const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
          if (!unique || !makeRoomForPulledRow(sqlite, entity, row.data as WireRow, pending)) throw error;
          statement.run(...values);
        }
      } catch (error) {
        throw new DomainError(
          'conflict',
          `The report could not be stored here: ${entity.name} ${row.rowId} clashes with a row on this device (${(error as Error).message}); nothing was imported`,
        );
      }
      applied += 1;
    });
  } finally {
    if (hasGuard) cachedStatement(sqlite, 'DELETE FROM sync_apply_guard').run();
  }
  return applied;
}
