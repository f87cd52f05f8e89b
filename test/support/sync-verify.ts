import Database from 'better-sqlite3';
import { keyValuesOf, syncEntity, SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import type { WireRow } from '../../shared/sync/wire';
import type { SyncQueries } from '../../server/sync/sync-db';

/**
 * What the sync fault and property suites check after the dust settles, read straight from the
 * stores: the device's SQLite file (read-only connection) and the server's tables.
 */

/** Reads a device's SQLite file over its own read-only connection (the core may hold it open). */
export function readLocal<T>(databaseFile: string, fn: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}

/** The operation ids waiting in a device's outbox. */
export function outboxOpIds(databaseFile: string): string[] {
  return readLocal(databaseFile, (s) =>
    (s.prepare('SELECT op_id FROM sync_outbox ORDER BY seq').all() as { op_id: string }[]).map((r) => r.op_id),
  );
}

/** The op ids of the conflicts a device holds (the server's rejections). */
export function conflictOpIds(databaseFile: string): string[] {
  return readLocal(databaseFile, (s) => (s.prepare('SELECT op_id FROM sync_conflicts').all() as { op_id: string }[]).map((r) => r.op_id));
}

export interface ServerOp {
  op_id: string;
  status: 'applied' | 'rejected';
  entity: string;
  row_id: string;
  device_id: string;
}

export async function serverOps(db: SyncQueries): Promise<ServerOp[]> {
  return db.query<ServerOp>('SELECT op_id::text AS op_id, status, entity, row_id, device_id::text AS device_id FROM applied_ops');
}

export interface ServerDoc {
  entity: string;
  row_id: string;
  partition: string;
  version: number;
  deleted: boolean;
  data: WireRow | null;
}

export async function serverDocs(db: SyncQueries, partitions?: readonly string[]): Promise<ServerDoc[]> {
  const rows = partitions
    ? await db.query<ServerDoc>('SELECT entity, row_id, partition, version, deleted, data FROM docs WHERE partition = ANY($1::text[])', [
        partitions,
      ])
    : await db.query<ServerDoc>('SELECT entity, row_id, partition, version, deleted, data FROM docs');
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** Docs whose version is above the number of operations applied to them (a replay applied twice would show here). */
export async function overVersionedDocs(db: SyncQueries): Promise<{ entity: string; row_id: string; version: number; applied: number }[]> {
  const rows = await db.query<{ entity: string; row_id: string; version: number; applied: number }>(
    `SELECT d.entity, d.row_id, d.version,
            (SELECT count(*)::int FROM applied_ops a WHERE a.entity = d.entity AND a.row_id = d.row_id AND a.status = 'applied') AS applied
       FROM docs d`,
  );
  return rows.filter((r) => Number(r.version) > Number(r.applied));
}

/**
 * Differences between the server's live rows of these partitions and the device's tables: rows
 * missing or different on the device, and (for entities placed by a column or by themselves) rows
 * the device has in those partitions that the server does not.
 */
export function divergence(databaseFile: string, docs: readonly ServerDoc[], partitions: readonly string[]): string[] {
  const problems: string[] = [];
  readLocal(databaseFile, (sqlite) => {
    const live = docs.filter((d) => !d.deleted && partitions.includes(d.partition));
    for (const doc of live) {
      const entity = syncEntity(doc.entity);
      if (!entity) continue;
      const keys = keyValuesOf(entity, doc.row_id)!;
      const where = entity.key.map((k) => `"${k}" = ?`).join(' AND ');
      const local = sqlite.prepare(`SELECT * FROM "${entity.name}" WHERE ${where}`).get(...entity.key.map((k) => keys[k])) as
        Record<string, unknown> | undefined;
      if (!local) {
        problems.push(`missing on device: ${doc.entity} ${doc.row_id}`);
        continue;
      }
      for (const column of Object.keys(entity.columns)) {
        const want = doc.data?.[column] ?? null;
        const have = local[column] ?? null;
        if (want !== have)
          problems.push(`${doc.entity} ${doc.row_id}.${column}: server ${JSON.stringify(want)}, device ${JSON.stringify(have)}`);
      }
    }
    const onServer = new Set(live.map((d) => `${d.entity}\u0000${d.row_id}`));
    for (const partition of partitions) {
      const [scope, id] = partition.split(':') as ['deployment' | 'site', string];
      for (const entity of SYNC_ENTITIES) {
        const rule = entity.partition;
        let sql: string | null = null;
        if (rule.kind === 'self' && rule.scope === scope) sql = `SELECT * FROM "${entity.name}" WHERE id = ?`;
        if (rule.kind === 'column' && rule.scope === scope) sql = `SELECT * FROM "${entity.name}" WHERE "${rule.column}" = ?`;
        if (!sql) continue;
        for (const row of sqlite.prepare(sql).all(id) as Record<string, unknown>[]) {
          const rowId = entity.key.length === 1 ? String(row[entity.key[0]!]) : JSON.stringify(entity.key.map((k) => row[k]));
          if (!onServer.has(`${entity.name}\u0000${rowId}`)) problems.push(`only on device: ${entity.name} ${rowId}`);
        }
      }
    }
  });
  return problems;
}
