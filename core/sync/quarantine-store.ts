import type Database from 'better-sqlite3';
import type { QuarantinedRow } from '../../shared/contract/sync-methods';
import type { QuarantineReportRow } from '../../shared/sync/quarantine-wire';
import { cachedStatement } from '../db/statement-cache';
import { NOW_SQL } from './sql-names';

/**
 * `sync_quarantine` (migration 13): pulled rows this device could not store. One entry per row, the
 * latest version the server sent; a storable version (or the row's tombstone) clears it.
 */

const keyOf = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;

/** What the page being stored needs: put a row in quarantine, clear one that arrived storable. */
export class QuarantineStore {
  private readonly held: Set<string>;

  constructor(private readonly sqlite: Database.Database) {
    const rows = cachedStatement(sqlite, 'SELECT entity, row_id AS rowId FROM sync_quarantine').all() as {
      entity: string;
      rowId: string;
    }[];
    this.held = new Set(rows.map((r) => keyOf(r.entity, r.rowId)));
  }

  /** Records (or refreshes) the row; a new version or reason is reported to the server again. */
  put(entry: { entity: string; rowId: string; partition: string; version: number; data: unknown; reason: string }): void {
    cachedStatement(
      this.sqlite,
      `INSERT INTO sync_quarantine (entity, row_id, partition, version, data, reason, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ${NOW_SQL}, ${NOW_SQL})
       ON CONFLICT(entity, row_id) DO UPDATE SET partition = excluded.partition, data = excluded.data, last_seen_at = excluded.last_seen_at,
         reported_at = CASE WHEN sync_quarantine.version = excluded.version AND sync_quarantine.reason = excluded.reason THEN sync_quarantine.reported_at END,
         version = excluded.version, reason = excluded.reason`,
    ).run(
      entry.entity,
      entry.rowId,
      entry.partition,
      entry.version,
      entry.data === null || entry.data === undefined ? null : JSON.stringify(entry.data),
      entry.reason,
    );
    this.held.add(keyOf(entry.entity, entry.rowId));
  }

  /** The row was stored (or deleted): its quarantine entry, if any, goes. Costs a set lookup on the fast path. */
  cleared(entity: string, rowId: string): void {
    if (this.held.size === 0) return;
    const key = keyOf(entity, rowId);
    if (!this.held.has(key)) return;
    cachedStatement(this.sqlite, 'DELETE FROM sync_quarantine WHERE entity = ? AND row_id = ?').run(entity, rowId);
    this.held.delete(key);
  }
}

/** After a complete snapshot of a partition: entries of rows the server no longer has go (their tombstones may be purged). */
export function forgetQuarantinedAbsent(
  sqlite: Database.Database,
  partition: string,
  seen: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  const entries = cachedStatement(sqlite, 'SELECT entity, row_id AS rowId FROM sync_quarantine WHERE partition = ?').all(partition) as {
    entity: string;
    rowId: string;
  }[];
  const remove = cachedStatement(sqlite, 'DELETE FROM sync_quarantine WHERE entity = ? AND row_id = ?');
  let removed = 0;
  for (const entry of entries) {
    if (seen.get(entry.entity)?.has(entry.rowId)) continue;
    remove.run(entry.entity, entry.rowId);
    removed += 1;
  }
  return removed;
}

export function countQuarantined(sqlite: Database.Database): number {
  return (cachedStatement(sqlite, 'SELECT count(*) AS n FROM sync_quarantine').get() as { n: number }).n;
}

export function listQuarantined(sqlite: Database.Database): QuarantinedRow[] {
  const rows = cachedStatement(
    sqlite,
    `SELECT entity, row_id AS rowId, partition, version, data, reason, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt, reported_at AS reportedAt
     FROM sync_quarantine ORDER BY first_seen_at, entity, row_id`,
  ).all() as (Omit<QuarantinedRow, 'data'> & { data: string | null })[];
  return rows.map((row) => ({ ...row, data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>) }));
}

/** Entries the server has not been told about yet (new, or a new version or reason since). */
export function unreportedQuarantine(sqlite: Database.Database, limit: number): QuarantineReportRow[] {
  return cachedStatement(
    sqlite,
    'SELECT entity, row_id AS rowId, partition, version, reason FROM sync_quarantine WHERE reported_at IS NULL ORDER BY first_seen_at, entity, row_id LIMIT ?',
  ).all(limit) as QuarantineReportRow[];
}

export function markQuarantineReported(sqlite: Database.Database, rows: readonly QuarantineReportRow[], at: string): void {
  const mark = cachedStatement(
    sqlite,
    'UPDATE sync_quarantine SET reported_at = ? WHERE entity = ? AND row_id = ? AND version = ? AND reason = ?',
  );
  sqlite.transaction(() => {
    for (const row of rows) mark.run(at, row.entity, row.rowId, row.version, row.reason);
  })();
}
