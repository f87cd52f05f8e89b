import type Database from 'better-sqlite3';
import type { SyncConflict } from '../../shared/contract/sync-methods';
import { cachedStatement } from '../db/statement-cache';
import { blobColumnSqlCondition } from '../../shared/sync/blob-refs';
import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import type { Operation } from '../../shared/sync/wire';
import { literal } from './sql-names';

export interface OutboxRow {
  seq: number;
  op_id: string;
  entity: string;
  row_id: string;
  kind: 'insert' | 'update' | 'delete';
  partition: string;
  base_version: number;
  schema_version: number;
  data: string;
  created_at: string;
}

export function toOperation(row: OutboxRow): Operation {
  return {
    opId: row.op_id,
    entity: row.entity,
    rowId: row.row_id,
    kind: row.kind,
    partition: row.partition,
    baseVersion: row.base_version,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Operation['data'],
    createdAt: row.created_at,
  };
}

/** Pending operations in capture order, starting after `afterSeq`. */
export function pendingOperations(sqlite: Database.Database, afterSeq: number, limit: number): OutboxRow[] {
  return cachedStatement(sqlite, 'SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as OutboxRow[];
}

export function countPendingOperations(sqlite: Database.Database): number {
  return (cachedStatement(sqlite, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
}

/** SQL listing the SHA-256 of every attachment referenced by a pending operation (blob columns of the registry). */
function referencedBlobsSql(): string | null {
  const parts = SYNC_ENTITIES.flatMap((entity) =>
    (entity.blobColumns ?? []).map(
      (column) =>
        `SELECT json_extract(data, ${literal(`$.${column}`)}) AS sha256 FROM sync_outbox WHERE entity = ${literal(entity.name)} AND kind != 'delete'` +
        blobColumnSqlCondition(entity, column, (c) => `json_extract(data, ${literal(`$.${c}`)})`),
    ),
  );
  return parts.length === 0 ? null : parts.join(' UNION ');
}

// Built once: the sync status (polled while a sync runs) asks for it every time, and preparing this
// union of every blob column cost more than running it.
let pendingBlobsSql: string | null | undefined;

/** Attachments that pending operations reference and that are not known to be on the server yet. */
export function pendingBlobs(sqlite: Database.Database): string[] {
  if (pendingBlobsSql === undefined) {
    const referenced = referencedBlobsSql();
    pendingBlobsSql = referenced
      ? `SELECT sha256 FROM (${referenced}) WHERE sha256 IS NOT NULL AND sha256 NOT IN (SELECT sha256 FROM sync_blob_uploads) ORDER BY sha256`
      : null;
  }
  if (!pendingBlobsSql) return [];
  const rows = cachedStatement(sqlite, pendingBlobsSql).all() as { sha256: string }[];
  return rows.map((r) => r.sha256);
}

export function hasPendingOperation(sqlite: Database.Database): (entity: string, rowId: string) => boolean {
  const statement = sqlite.prepare('SELECT 1 FROM sync_outbox WHERE entity = ? AND row_id = ? LIMIT 1');
  return (entity, rowId) => statement.get(entity, rowId) !== undefined;
}

export function countOpenConflicts(sqlite: Database.Database): number {
  return (cachedStatement(sqlite, 'SELECT count(*) AS n FROM sync_conflicts WHERE dismissed_at IS NULL').get() as { n: number }).n;
}

export function listOpenConflicts(sqlite: Database.Database): SyncConflict[] {
  const rows = sqlite
    .prepare(
      `SELECT op_id AS opId, entity, row_id AS rowId, kind, code, reason, data, created_at AS createdAt, rejected_at AS rejectedAt
       FROM sync_conflicts WHERE dismissed_at IS NULL ORDER BY rejected_at, op_id`,
    )
    .all() as (Omit<SyncConflict, 'data'> & { data: string })[];
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}

export function dismissConflict(sqlite: Database.Database, opId: string, at: string): boolean {
  return sqlite.prepare('UPDATE sync_conflicts SET dismissed_at = ? WHERE op_id = ? AND dismissed_at IS NULL').run(at, opId).changes > 0;
}
