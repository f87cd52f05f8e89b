import type { PushPlan } from './push-state';
import { jsonParam, type SyncQueries } from './sync-db';

/**
 * Writes a push plan with multi-row statements (one JSON parameter each). Runs inside the push
 * transaction after the partitions are locked.
 */

/** Thrown when a concurrent push created a partition this batch meant to create: the batch restarts. */
export class PushRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushRaceError';
  }
}

export async function createPartitions(tx: SyncQueries, plan: PushPlan): Promise<void> {
  if (plan.newPartitions.size === 0) return;
  const rows = [...plan.newPartitions.values()]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((p) => ({
      key: p.key,
      scope: p.scope,
      deployment_id: p.deploymentId,
      site_id: p.siteId,
      label: plan.labels.get(p.key) ?? p.label,
    }));
  const created = await tx.query<{ key: string }>(
    `INSERT INTO partitions (key, scope, deployment_id, site_id, label)
     SELECT x.key, x.scope, x.deployment_id, x.site_id, x.label
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, scope text, deployment_id text, site_id text, label text)
     ORDER BY x.key
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [jsonParam(rows)],
  );
  if (created.length !== rows.length) throw new PushRaceError('A concurrent push created the same partition');
}

/** Allocates one sequence number per changed row in each partition (the partitions are locked). */
export async function allocateSequences(tx: SyncQueries, plan: PushPlan): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const doc of plan.changed.values()) counts.set(doc.partition, (counts.get(doc.partition) ?? 0) + 1);
  const seqOf = new Map<string, number>();
  if (counts.size === 0) return seqOf;
  const rows = [...counts].map(([key, n]) => ({ key, n, label: plan.labels.get(key) ?? null }));
  const updated = await tx.query<{ key: string; last_seq: number | string }>(
    `UPDATE partitions p SET last_seq = p.last_seq + x.n, label = COALESCE(x.label, p.label)
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, n int, label text)
      WHERE p.key = x.key RETURNING p.key, p.last_seq`,
    [jsonParam(rows)],
  );
  const next = new Map<string, number>();
  for (const row of updated) next.set(row.key, Number(row.last_seq) - (counts.get(row.key) ?? 0) + 1);
  for (const [key, doc] of plan.changed) {
    const seq = next.get(doc.partition);
    if (seq === undefined) throw new Error(`Partition ${doc.partition} vanished during a push`);
    seqOf.set(key, seq);
    next.set(doc.partition, seq + 1);
  }
  return seqOf;
}

export async function writePlan(tx: SyncQueries, plan: PushPlan, deviceId: string, seqOf: Map<string, number>): Promise<void> {
  if (plan.changed.size > 0) {
    const docs = [...plan.changed].map(([key, d]) => ({
      entity: d.entity,
      row_id: d.rowId,
      partition: d.partition,
      version: d.version,
      deleted: d.deleted,
      data: d.data,
      column_writes: d.writes,
      seq: seqOf.get(key),
    }));
    await tx.query(
      `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text, partition text, version int, deleted boolean, data jsonb, column_writes jsonb, seq bigint)),
       d AS (
         INSERT INTO docs (entity, row_id, partition, version, deleted, data, updated_at, updated_by_device, column_writes)
         SELECT entity, row_id, partition, version, deleted, NULLIF(data, 'null'::jsonb), now(), $2::uuid, NULLIF(column_writes, 'null'::jsonb) FROM x
         ON CONFLICT (entity, row_id) DO UPDATE SET partition = excluded.partition, version = excluded.version, deleted = excluded.deleted,
           data = excluded.data, updated_at = excluded.updated_at, updated_by_device = excluded.updated_by_device,
           column_writes = excluded.column_writes
         RETURNING 1)
       INSERT INTO change_log (partition, seq, entity, row_id)
       SELECT partition, seq, entity, row_id FROM x
       ON CONFLICT (entity, row_id) DO UPDATE SET partition = excluded.partition, seq = excluded.seq`,
      [jsonParam(docs), deviceId],
    );
  }
  if (plan.opRecords.length > 0) {
    await tx.query(
      `INSERT INTO applied_ops (op_id, device_id, entity, row_id, status, version, code, reason)
       SELECT x.op_id::uuid, $2::uuid, x.entity, x.row_id, x.status, x.version, x.code, x.reason
         FROM jsonb_to_recordset($1::jsonb) AS x(op_id text, entity text, row_id text, status text, version int, code text, reason text)`,
      [jsonParam(plan.opRecords), deviceId],
    );
  }
  if (plan.overwrites.length > 0) {
    await tx.query(
      `INSERT INTO overwrites (entity, row_id, partition, column_name, replaced_value, replaced_version, new_value, op_id, device_id)
       SELECT x.entity, x.row_id, x.partition, x.column_name, x.replaced_value, x.replaced_version, x.new_value, x.op_id::uuid, $2::uuid
         FROM jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text, partition text, column_name text, replaced_value jsonb,
              replaced_version int, new_value jsonb, op_id text)`,
      [jsonParam(plan.overwrites), deviceId],
    );
  }
  if (plan.blobRefs.size > 0) {
    const refs = [...plan.blobRefs].map((ref) => {
      const [sha256, partition] = ref.split('\u0000');
      return { sha256, partition };
    });
    await tx.query(
      `INSERT INTO blob_refs (sha256, partition, device_id) SELECT x.sha256, x.partition, $2::uuid FROM jsonb_to_recordset($1::jsonb) AS x(sha256 text, partition text)
       ON CONFLICT DO NOTHING`,
      [jsonParam(refs), deviceId],
    );
    await tx.query(
      'UPDATE blobs SET unreferenced_since = NULL WHERE sha256 IN (SELECT x.sha256 FROM jsonb_to_recordset($1::jsonb) AS x(sha256 text))',
      [jsonParam(refs)],
    );
  }
  if (plan.siteAssignments.size > 0) {
    const sites = [...plan.siteAssignments.keys()];
    // A technician is a user id; a name-only entry counts only when it is exactly a username.
    const rows = [...plan.siteAssignments].flatMap(([siteId, assigned]) =>
      assigned
        ? assigned.technicians.map((t) => ({
            site_id: siteId,
            deployment_id: assigned.deploymentId,
            user_id: t.id,
            username: t.id ? null : t.name,
          }))
        : [],
    );
    await tx.query('DELETE FROM site_assignments WHERE site_id IN (SELECT jsonb_array_elements_text($1::jsonb))', [jsonParam(sites)]);
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO site_assignments (site_id, deployment_id, user_id)
         SELECT x.site_id, x.deployment_id, u.id FROM jsonb_to_recordset($1::jsonb) AS x(site_id text, deployment_id text, user_id text, username text)
           JOIN users u ON u.id::text = x.user_id OR u.username = x.username
         ON CONFLICT DO NOTHING`,
        [jsonParam(rows)],
      );
    }
  }
  if (plan.newManagers.size > 0) {
    await tx.query(
      `INSERT INTO deployment_managers (deployment_id, user_id)
       SELECT d, (SELECT user_id FROM devices WHERE id = $2::uuid) FROM jsonb_array_elements_text($1::jsonb) AS d ON CONFLICT DO NOTHING`,
      [jsonParam([...plan.newManagers]), deviceId],
    );
  }
}
