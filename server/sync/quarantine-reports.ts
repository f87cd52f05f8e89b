import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { quarantineReportRequestSchema, type QuarantineReportRow } from '../../shared/sync/quarantine-wire';
import { requirePrincipal, type Principal } from '../http/principal';
import { loadAccess, mayRead } from './access-rules';
import { jsonParam, type SyncDb, type SyncQueries } from './sync-db';

/**
 * `POST /v1/sync/quarantine` (shared/sync/quarantine-wire.ts): a device reports pulled rows it
 * could not store. One entry per device and row (a new report refreshes it); rows of partitions
 * the caller may not read are ignored, so a device cannot fill the table with other sites' names.
 */
export async function recordQuarantineReports(db: SyncDb, principal: Principal, rows: readonly QuarantineReportRow[]): Promise<number> {
  const keys = [...new Set(rows.map((r) => r.partition))];
  const partitions = await db.query<{ key: string; deployment_id: string }>(
    'SELECT key, deployment_id FROM partitions WHERE key = ANY($1::text[])',
    [keys],
  );
  const access = await loadAccess(db, principal);
  const readable = new Set(partitions.filter((p) => mayRead(access, p.key, p.deployment_id)).map((p) => p.key));
  const accepted = rows.filter((r) => readable.has(r.partition));
  if (accepted.length === 0) return 0;
  await db.query(
    `INSERT INTO quarantine_reports (device_id, entity, row_id, partition, version, reason)
     SELECT $1::uuid, x.entity, x.row_id, x.partition, x.version, x.reason
       FROM jsonb_to_recordset($2::jsonb) AS x(entity text, row_id text, partition text, version int, reason text)
     ON CONFLICT (device_id, entity, row_id) DO UPDATE SET partition = excluded.partition, version = excluded.version,
       reason = excluded.reason, last_reported_at = now(), resolved_at = NULL`,
    [
      principal.deviceId,
      jsonParam(accepted.map((r) => ({ entity: r.entity, row_id: r.rowId, partition: r.partition, version: r.version, reason: r.reason }))),
    ],
  );
  return accepted.length;
}

export interface QuarantineReport {
  deviceId: string;
  entity: string;
  rowId: string;
  partition: string;
  version: number;
  reason: string;
  lastReportedAt: Date;
}

/** Open (unresolved) reports, for `outpost server check-rows`. */
export async function openQuarantineReports(db: SyncQueries): Promise<QuarantineReport[]> {
  const rows = await db.query<{
    device_id: string;
    entity: string;
    row_id: string;
    partition: string;
    version: number;
    reason: string;
    last_reported_at: Date | string;
  }>(
    'SELECT device_id, entity, row_id, partition, version, reason, last_reported_at FROM quarantine_reports WHERE resolved_at IS NULL ORDER BY entity, row_id, device_id',
  );
  return rows.map((r) => ({
    deviceId: r.device_id,
    entity: r.entity,
    rowId: r.row_id,
    partition: r.partition,
    version: Number(r.version),
    reason: r.reason,
    lastReportedAt: new Date(r.last_reported_at),
  }));
}

/** The row was repaired or purged: its reports are closed (a device that still cannot store it reports again). */
export async function resolveQuarantineReports(db: SyncQueries, rows: readonly { entity: string; rowId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `UPDATE quarantine_reports q SET resolved_at = now() FROM jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text)
     WHERE q.entity = x.entity AND q.row_id = x.row_id AND q.resolved_at IS NULL`,
    [jsonParam(rows.map((r) => ({ entity: r.entity, row_id: r.rowId })))],
  );
}

export function registerQuarantineRoute(app: FastifyInstance, deps: { db: SyncDb; log: FastifyBaseLogger }): void {
  app.post('/v1/sync/quarantine', async (request) => {
    const principal = requirePrincipal(request);
    const body = quarantineReportRequestSchema.parse(request.body);
    const recorded = await recordQuarantineReports(deps.db, principal, body.rows);
    deps.log.warn(
      { deviceId: principal.deviceId, user: principal.username, rows: body.rows.length, recorded, first: body.rows[0] },
      'device reports pulled rows it could not store',
    );
    return { recorded };
  });
}
