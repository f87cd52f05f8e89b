import { parseTechnicianEntries, type SiteTechnician } from '../../shared/domain/site-technician';
import { blobRefsOfRow } from '../../shared/sync/blob-refs';
import type { SyncEntity } from '../../shared/sync/entity-registry';
import { parsePartitionKey, type Operation, type WireRow } from '../../shared/sync/wire';
import { writeDenial, type AccessContext } from './access-rules';
import { insertedWrites, replacesUnseenValue, withWrites } from './column-writes';
import { checkOperationShape, partitionOfRow, type Rejection } from './entity-validation';
import { NUMBERED_COLUMNS, takeNumber, type NumberingState } from './numbering';
import { claimUnique, constraintRejection, immutableRejection, releaseUnique, type UniqueState } from './row-constraints';
import { parentRuleViolation } from '../../shared/sync/row-rules';
import { sheetKeyDenial } from './sheet-signing-key';
import { docKey, emptyPlan, type PushPlan, type RecordedOp, type StoredDoc, type StoredPartition } from './push-state';

/**
 * Decides every operation of a push batch in memory, in order, against the rows the batch read
 * (later operations see the effects of earlier ones). Produces the results and the writes; it
 * touches no database (push-engine.ts reads before and writes after).
 */
export interface PlanInput {
  ops: readonly Operation[];
  deviceId: string;
  access: AccessContext;
  /** Stored documents of the rows the batch touches and of their parents (mutated: the working state). */
  docs: Map<string, StoredDoc>;
  /** Stored partitions the batch names (mutated as partitions are created). */
  partitions: Map<string, StoredPartition>;
  /** applied_ops entries of the batch's operation ids (mutated as operations are decided). */
  recorded: Map<string, RecordedOp>;
  /** SHA-256 of the complete blobs the batch references. */
  completeBlobs: ReadonlySet<string>;
  /**
   * Whether the pushing device may reference a complete blob in a partition: it holds the bytes
   * (uploaded them, see server/blobs) or the partition references the blob already. Absent: any.
   */
  mayReferenceBlob?: (sha256: string, partition: string) => boolean;
  /** Numbers in use in the groups of numbered entities the batch inserts into (mutated). */
  numbering: NumberingState;
  /** Holders of the unique groups the batch writes (row-constraints.ts; mutated). Absent: not checked. */
  unique?: UniqueState;
  /** The pushing device's registered signing keys (fingerprint → public key): a sheet must carry one. */
  signingKeys?: ReadonlyMap<string, string>;
}

type Step = { rejection: Rejection } | { done: true };

export function planPush(input: PlanInput): PushPlan {
  const plan = emptyPlan();
  for (const op of input.ops) {
    const recorded = input.recorded.get(op.opId);
    if (recorded) {
      if (recorded.deviceId !== input.deviceId) {
        plan.results.push({
          opId: op.opId,
          status: 'rejected',
          code: 'foreign_operation',
          reason: 'This operation id was pushed by another device',
        });
      } else if (recorded.status === 'applied') {
        plan.results.push({ opId: op.opId, status: 'duplicate', version: recorded.version ?? 0 });
      } else {
        plan.results.push({ opId: op.opId, status: 'rejected', code: recorded.code ?? 'rejected', reason: recorded.reason ?? '' });
      }
      continue;
    }
    const step = decide(input, plan, op);
    if ('rejection' in step) {
      const { code, reason } = step.rejection;
      plan.results.push({ opId: op.opId, status: 'rejected', code, reason });
      plan.opRecords.push({ op_id: op.opId, entity: op.entity, row_id: op.rowId, status: 'rejected', version: null, code, reason });
      input.recorded.set(op.opId, { deviceId: input.deviceId, status: 'rejected', version: null, code, reason });
    }
  }
  return plan;
}

const reject = (code: string, reason: string): Step => ({ rejection: { code, reason } });

/** An insert carries the whole row: columns it leaves out are null. */
function fullRow(entity: SyncEntity, data: WireRow): WireRow {
  const row: WireRow = {};
  for (const column of Object.keys(entity.columns)) row[column] = data[column] ?? null;
  return row;
}

function parseTechnicians(value: unknown): SiteTechnician[] | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return parseTechnicianEntries(JSON.parse(value));
  } catch {
    return undefined;
  }
}

function decide(input: PlanInput, plan: PushPlan, op: Operation): Step {
  const shape = checkOperationShape(op);
  if (!shape.ok) return { rejection: shape.rejection };
  const { entity } = shape;
  const key = docKey(entity.name, op.rowId);
  const doc = input.docs.get(key);
  const current = doc && !doc.deleted ? doc.data : null;
  const keyDenial = sheetKeyDenial(op, current, input.signingKeys);
  if (keyDenial) return { rejection: keyDenial };

  if (op.kind === 'update') {
    if (entity.appendOnly) return reject('append_only', `${entity.name} rows are never changed once written`);
    if (!doc) return reject('not_found', `${entity.name} ${op.rowId} is not on the server`);
    if (doc.deleted) return reject('row_deleted', `${entity.name} ${op.rowId} was deleted on the server`);
  }
  const row: WireRow =
    op.kind === 'insert' ? fullRow(entity, op.data) : op.kind === 'update' ? { ...current, ...op.data } : { ...op.data, ...current };

  // Where the row belongs.
  let partition: string;
  let parentRow: WireRow | null = null;
  const located = partitionOfRow(entity, row);
  if (located.ok === false) {
    if (op.kind !== 'delete' || current) return { rejection: located.rejection };
    partition = op.partition; // delete of a row the server never had: nothing to locate
  } else if (located.ok === 'parent') {
    const parent = input.docs.get(docKey(located.parentEntity, located.parentRowId));
    if (!parent && op.kind === 'delete' && !current) return applied(input, plan, op, entity.name, doc?.version ?? 0, []); // nothing to delete
    if (!parent)
      return reject(
        'unknown_parent',
        `${entity.name} ${op.rowId} belongs to ${located.parentEntity} ${located.parentRowId}, which is not on the server`,
      );
    parentRow = parent.data;
    partition = parent.partition;
  } else {
    partition = located.partition;
  }
  if (current && doc && doc.partition !== partition) {
    return reject(
      'partition_mismatch',
      `${entity.name} ${op.rowId} belongs to ${doc.partition} on the server and cannot move to ${partition}`,
    );
  }
  if (doc && !current && op.kind !== 'delete' && doc.partition !== partition) {
    return reject('id_taken', `${entity.name} ${op.rowId} was deleted in ${doc.partition}: a row id is never reused in another partition`);
  }
  if (op.partition !== partition)
    return reject('partition_mismatch', `${entity.name} ${op.rowId} belongs to ${partition}, not ${op.partition}`);

  // The partition: stored, or created by this operation.
  const { scope, id } = parsePartitionKey(partition);
  let stored = input.partitions.get(partition);
  let created: StoredPartition | undefined;
  if (!stored) {
    if (op.kind === 'delete' && !current) return applied(input, plan, op, entity.name, doc?.version ?? 0, []);
    if (scope === 'deployment') created = { key: partition, scope, deploymentId: id, siteId: null, label: '' };
    else if (entity.name === 'sites' && op.kind === 'insert' && typeof row.deployment_id === 'string' && row.deployment_id !== '') {
      created = { key: partition, scope, deploymentId: row.deployment_id, siteId: id, label: '' };
    } else return reject('unknown_partition', `site ${id} is not on the server: its site row must be pushed first`);
    stored = created;
  }

  // A row at a site that also names its deployment must name the site's.
  if (op.kind !== 'delete' && scope === 'site' && entity.columns.deployment_id && row.deployment_id !== stored.deploymentId) {
    return reject('invalid', `${entity.name}.deployment_id must be ${stored.deploymentId}, the deployment of site ${id}`);
  }

  let technicians: SiteTechnician[] | undefined;
  if (entity.name === 'sites' && op.kind !== 'delete') {
    technicians = parseTechnicians(row.technicians);
    if (!technicians) return reject('invalid', 'sites.technicians must be a JSON array of names and {id, name} users');
  }

  const denial = writeDenial(input.access, {
    entity,
    kind: op.kind,
    partition,
    deploymentId: stored.deploymentId,
    current,
    everStored: doc !== undefined,
    data: op.kind === 'insert' ? row : op.data,
  });
  if (denial) return { rejection: denial };
  // The desktop's SQLite constraints, declared in shared/sync/row-rules.ts.
  const constraint = immutableRejection(entity, op, current, row) ?? (op.kind === 'delete' ? undefined : constraintRejection(entity, row));
  if (constraint) return { rejection: constraint };
  // A rule on the parent row (shared/sync/row-rules.ts), after authorization so it tells nothing of rows the writer may not see.
  const parentRefusal = op.kind === 'insert' && parentRow ? parentRuleViolation(entity.name, parentRow) : undefined;
  if (parentRefusal) return reject('constraint', `${entity.name} ${op.rowId}: ${parentRefusal}`);
  if (entity.name === 'deployments' && op.kind === 'insert' && !doc && input.access.principal.role === 'release_manager')
    plan.newManagers.add(id);

  const shas: string[] = [];
  if (op.kind !== 'delete') {
    // The row as it will be decides whether a column names an attachment; the operation carries the value.
    for (const { column } of blobRefsOfRow(entity, row)) {
      const sha = op.data[column];
      if (sha === null || sha === undefined) continue;
      if (typeof sha !== 'string' || !input.completeBlobs.has(sha)) {
        return reject('blob_missing', `The attachment ${String(sha)} (${entity.name}.${column}) is not on the server: upload it first`);
      }
      if (input.mayReferenceBlob && !input.mayReferenceBlob(sha, partition)) {
        return reject(
          'blob_not_held',
          `The attachment ${sha} (${entity.name}.${column}) was not uploaded from this device: upload it from this device first`,
        );
      }
      shas.push(sha);
    }
  }
  if (created) {
    input.partitions.set(partition, created);
    plan.newPartitions.set(partition, created);
  }

  const duplicate =
    op.kind === 'delete'
      ? releaseUnique(input.unique, entity, op.rowId, current)
      : claimUnique(input.unique, entity, op, op.rowId, current, row);
  if (duplicate) return { rejection: duplicate };

  // Decide the new state.
  const base = doc?.version ?? 0;
  let next: StoredDoc | undefined;
  const overwrote: { column: string; replaced: unknown; by: unknown }[] = [];
  if (op.kind === 'delete') {
    if (current)
      next = {
        entity: entity.name,
        rowId: op.rowId,
        partition,
        version: base + 1,
        deleted: true,
        data: null,
        updatedByDevice: input.deviceId,
        writes: null,
      };
  } else if (!current) {
    const renumbered = takeNumber(input.numbering, entity.name, op.rowId, row);
    if (renumbered) {
      const column = NUMBERED_COLUMNS[entity.name]!.column;
      overwrote.push({ column, replaced: renumbered.replaced, by: renumbered.by });
      plan.overwrites.push({
        entity: entity.name,
        row_id: op.rowId,
        partition,
        column_name: column,
        replaced_value: renumbered.replaced,
        replaced_version: base,
        new_value: renumbered.by,
        op_id: op.opId,
      });
    }
    next = {
      entity: entity.name,
      rowId: op.rowId,
      partition,
      version: base + 1,
      deleted: false,
      data: row,
      updatedByDevice: input.deviceId,
      writes: insertedWrites(base + 1, input.deviceId),
    };
  } else if (entity.appendOnly) {
    const same = Object.keys(entity.columns).every((column) => (current[column] ?? null) === (row[column] ?? null));
    if (!same) return reject('append_only', `${entity.name} ${op.rowId} already exists with other content`);
  } else {
    // An insert of an existing row sets every column (those it leaves out to null), an update those it names.
    const written = op.kind === 'insert' ? row : op.data;
    const changes = Object.keys(written).filter(
      (column) => !entity.key.includes(column) && (current[column] ?? null) !== (written[column] ?? null),
    );
    if (changes.length > 0) {
      for (const column of changes) {
        if (replacesUnseenValue(doc!, column, op.baseVersion, input.deviceId)) {
          const replaced = current[column] ?? null;
          const by = written[column] ?? null;
          overwrote.push({ column, replaced, by });
          plan.overwrites.push({
            entity: entity.name,
            row_id: op.rowId,
            partition,
            column_name: column,
            replaced_value: replaced,
            replaced_version: base,
            new_value: by,
            op_id: op.opId,
          });
        }
      }
      next = {
        entity: entity.name,
        rowId: op.rowId,
        partition,
        version: base + 1,
        deleted: false,
        data: row,
        updatedByDevice: input.deviceId,
        writes: withWrites(doc!.writes, changes, base + 1, input.deviceId),
      };
    }
  }

  if (next) {
    input.docs.set(key, next);
    plan.changed.set(key, next);
    if (entity.name === 'sites') {
      plan.siteAssignments.set(id, next.deleted ? null : { deploymentId: stored.deploymentId, technicians: technicians ?? [] });
      if (!next.deleted) plan.labels.set(partition, `${String(row.code)} — ${String(row.name)}`);
    } else if (entity.name === 'deployments' && !next.deleted) {
      plan.labels.set(partition, String(row.name));
    }
    for (const sha of shas) plan.blobRefs.add(`${sha}\u0000${partition}`);
  }
  return applied(input, plan, op, entity.name, next?.version ?? base, overwrote);
}

function applied(
  input: PlanInput,
  plan: PushPlan,
  op: Operation,
  entity: string,
  version: number,
  overwrote: { column: string; replaced: unknown; by: unknown }[],
): Step {
  plan.results.push({ opId: op.opId, status: 'applied', version, ...(overwrote.length > 0 ? { overwrote } : {}) });
  plan.opRecords.push({ op_id: op.opId, entity, row_id: op.rowId, status: 'applied', version, code: null, reason: null });
  input.recorded.set(op.opId, { deviceId: input.deviceId, status: 'applied', version, code: null, reason: null });
  return { done: true };
}
