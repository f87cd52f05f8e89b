import { referenceableBlobs } from '../blobs/blob-access';
import { blobRefsOfRow } from '../../shared/sync/blob-refs';
import { syncEntity } from '../../shared/sync/entity-registry';
import type { Operation, OperationResult, WireRow } from '../../shared/sync/wire';
import type { Principal } from '../http/principal';
import { deviceSigningKeys } from '../accounts/device-keys';
import { loadAccess } from './access-rules';
import type { ColumnWrites } from './column-writes';
import { loadNumbering } from './numbering';
import { planPush } from './push-planner';
import { loadRetiredIds } from './retired-ids';
import { loadUniqueGroups } from './row-constraints';
import { docKey, type RecordedOp, type StoredDoc, type StoredPartition } from './push-state';
import { allocateSequences, createPartitions, PushRaceError, writePlan } from './push-writes';
import { jsonParam, type SyncDb, type SyncQueries } from './sync-db';

/**
 * A push batch in one transaction: lock the partitions it names (in key order), read what it
 * needs in a few queries, decide every operation in memory (push-planner.ts), then write with
 * multi-row statements. The partition row locks serialize writers of one partition until commit,
 * which is what makes the per-partition sequence safe for cursors.
 */

const MAX_ATTEMPTS = 5;
/** unique_violation (the same operation pushed twice at once), serialization_failure, deadlock_detected. */
const RETRYABLE_CODES = new Set(['23505', '40001', '40P01']);

function isRetryable(error: unknown): boolean {
  if (error instanceof PushRaceError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

export async function pushOperations(db: SyncDb, principal: Principal, ops: readonly Operation[]): Promise<OperationResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => pushOnce(tx, principal, ops));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

interface DocRow {
  entity: string;
  row_id: string;
  partition: string;
  version: number;
  deleted: boolean;
  data: WireRow | null;
  updated_by_device: string | null;
  column_writes: ColumnWrites | null;
}

async function loadDocs(tx: SyncQueries, keys: { entity: string; row_id: string }[], into: Map<string, StoredDoc>): Promise<void> {
  if (keys.length === 0) return;
  const rows = await tx.query<DocRow>(
    `SELECT d.entity, d.row_id, d.partition, d.version, d.deleted, d.data, d.updated_by_device::text AS updated_by_device, d.column_writes
       FROM docs d JOIN jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text) ON d.entity = x.entity AND d.row_id = x.row_id`,
    [jsonParam(keys)],
  );
  for (const row of rows) {
    into.set(docKey(row.entity, row.row_id), {
      entity: row.entity,
      rowId: row.row_id,
      partition: row.partition,
      version: Number(row.version),
      deleted: row.deleted,
      data: row.data,
      updatedByDevice: row.updated_by_device,
      writes: row.column_writes,
    });
  }
}

/** Parent rows named by operations of `parent`-rule entities (by the pushed data or the stored row). */
function parentKeys(ops: readonly Operation[], docs: Map<string, StoredDoc>): { entity: string; row_id: string }[] {
  const wanted = new Map<string, { entity: string; row_id: string }>();
  for (const op of ops) {
    const entity = syncEntity(op.entity);
    if (entity?.partition.kind !== 'parent') continue;
    const { column, parent } = entity.partition;
    const value = op.data[column] ?? docs.get(docKey(op.entity, op.rowId))?.data?.[column];
    if (typeof value !== 'string') continue;
    const key = docKey(parent, value);
    if (!docs.has(key)) wanted.set(key, { entity: parent, row_id: value });
  }
  return [...wanted.values()];
}

async function pushOnce(tx: SyncQueries, principal: Principal, ops: readonly Operation[]): Promise<OperationResult[]> {
  const claimed = [...new Set(ops.map((op) => op.partition))].sort();
  const partitionRows = await tx.query<{
    key: string;
    scope: 'deployment' | 'site';
    deployment_id: string;
    site_id: string | null;
    label: string;
  }>(
    `SELECT key, scope, deployment_id, site_id, label FROM partitions
      WHERE key IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY key FOR UPDATE`,
    [jsonParam(claimed)],
  );
  const partitions = new Map<string, StoredPartition>(
    partitionRows.map((p) => [p.key, { key: p.key, scope: p.scope, deploymentId: p.deployment_id, siteId: p.site_id, label: p.label }]),
  );

  const opIds = [...new Set(ops.map((op) => op.opId))];
  const recordedRows = await tx.query<{
    op_id: string;
    device_id: string;
    status: 'applied' | 'rejected';
    version: number | null;
    code: string | null;
    reason: string | null;
  }>(
    `SELECT op_id::text AS op_id, device_id::text AS device_id, status, version, code, reason FROM applied_ops
      WHERE op_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
    [jsonParam(opIds)],
  );
  const recorded = new Map<string, RecordedOp>(
    recordedRows.map((r) => [r.op_id, { deviceId: r.device_id, status: r.status, version: r.version, code: r.code, reason: r.reason }]),
  );

  const fresh = ops.filter((op) => !recorded.has(op.opId));
  const docs = new Map<string, StoredDoc>();
  await loadDocs(
    tx,
    [...new Map(fresh.map((op) => [docKey(op.entity, op.rowId), { entity: op.entity, row_id: op.rowId }])).values()],
    docs,
  );
  await loadDocs(tx, parentKeys(fresh, docs), docs);
  // A partition named by the batch that did not exist when locked but holds rows now was created by
  // a concurrent push that committed meanwhile: start again with it locked.
  const claimedSet = new Set(claimed);
  for (const doc of docs.values()) {
    if (claimedSet.has(doc.partition) && !partitions.has(doc.partition))
      throw new PushRaceError(`Partition ${doc.partition} appeared during the push`);
  }

  // Only an insert can reuse an id; the lookup is skipped for batches without one.
  await loadRetiredIds(
    tx,
    fresh.filter((op) => op.kind === 'insert').map((op) => ({ entity: op.entity, row_id: op.rowId })),
    docs,
  );

  // The attachments the planner will check: blob columns of the row as it will be (push-planner.ts).
  const shas = new Set<string>();
  for (const op of fresh) {
    const entity = syncEntity(op.entity);
    if (!entity?.blobColumns || op.kind === 'delete') continue;
    const row = op.kind === 'update' ? { ...docs.get(docKey(op.entity, op.rowId))?.data, ...op.data } : op.data;
    for (const { column } of blobRefsOfRow(entity, row)) {
      const value = op.data[column];
      if (typeof value === 'string') shas.add(value);
    }
  }
  const completeBlobs = new Set<string>();
  if (shas.size > 0) {
    const rows = await tx.query<{ sha256: string }>(
      'SELECT sha256 FROM blobs WHERE complete AND sha256 IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [jsonParam([...shas])],
    );
    for (const row of rows) completeBlobs.add(row.sha256);
  }

  const access = await loadAccess(tx, principal);
  const numbering = await loadNumbering(tx, fresh);
  const unique = await loadUniqueGroups(tx, fresh, docs);
  const signingKeys = fresh.some((op) => op.entity === 'sign_off_sheets') ? await deviceSigningKeys(tx, principal.deviceId) : undefined;
  const plan = planPush({
    ops,
    deviceId: principal.deviceId,
    access,
    docs,
    partitions,
    recorded,
    completeBlobs,
    mayReferenceBlob: await referenceableBlobs(tx, principal.deviceId, [...completeBlobs]),
    numbering,
    unique,
    signingKeys,
  });
  await createPartitions(tx, plan);
  const seqOf = await allocateSequences(tx, plan);
  await writePlan(tx, plan, principal.deviceId, seqOf);
  return plan.results;
}
