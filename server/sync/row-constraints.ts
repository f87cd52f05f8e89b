import { requirementSecretPathProblem } from '../../shared/checks/requirement-rule';
import { syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import { entityRules, immutabilityViolation, isFrozen, rowViolations } from '../../shared/sync/row-rules';
import type { Operation, WireRow } from '../../shared/sync/wire';
import type { Rejection } from './entity-validation';
import { NUMBERED_COLUMNS } from './numbering';
import { docKey, type StoredDoc } from './push-state';
import { jsonParam, type SyncQueries } from './sync-db';

/**
 * The desktop's SQLite constraints (shared/sync/row-rules.ts) applied to a pushed operation, so
 * nothing the server accepts can fail to store on a device: immutability of stored rows, the CHECKs
 * and NOT NULL on the merged row, UNIQUE groups against the stored rows and the batch. All in
 * memory but the one query that loads the unique groups the batch touches.
 */

/** An update or delete of a frozen row, a delete of an append-only row, or an insert that would rewrite a frozen row with other content. */
export function immutableRejection(entity: SyncEntity, op: Operation, current: WireRow | null, row: WireRow): Rejection | undefined {
  if (op.kind === 'insert') {
    if (!current || !isFrozen(entityRules(entity.name)?.noUpdate, current)) return undefined;
    const same = Object.keys(entity.columns).every((column) => (current[column] ?? null) === (row[column] ?? null));
    return same ? undefined : { code: 'immutable', reason: immutabilityViolation(entity.name, 'update', current)! };
  }
  const reason = immutabilityViolation(entity.name, op.kind, current);
  if (reason) return { code: 'immutable', reason };
  // Desktops never remove an append-only row they pulled (core/sync/apply-changes.ts): its delete would leave them apart.
  if (op.kind === 'delete' && entity.appendOnly && current)
    return { code: 'append_only', reason: `${entity.name} rows are never removed once written` };
  return undefined;
}

/** The merged row breaks a CHECK, NOT NULL or type rule of the desktop's table. */
export function constraintRejection(entity: SyncEntity, row: WireRow): Rejection | undefined {
  const problems = rowViolations(entity.name, row);
  const secret = entity.name === 'requirements' ? requirementSecretPathProblem(row.kind, row.params) : null;
  if (secret) problems.push(`requirements.params: ${secret}`);
  return problems.length > 0 ? { code: 'constraint', reason: problems.join('; ') } : undefined;
}

/** Unique group key → row id holding it (live rows of the server, then of the batch). */
export type UniqueState = Map<string, string>;

const groupKey = (entity: string, columns: readonly string[], row: WireRow): string | undefined => {
  const values = columns.map((column) => row[column]);
  if (values.some((value) => value === null || value === undefined)) return undefined; // SQLite: NULLs never collide
  return `${entity}\u0000${JSON.stringify(values)}`;
};

/** The unique groups an operation checks: inserts (numbered groups are renumbered instead) and updates that name a group column. */
function groupsOf(entity: SyncEntity, op: Operation): readonly (readonly string[])[] {
  if (op.kind === 'delete') return [];
  const numbered = NUMBERED_COLUMNS[entity.name];
  return (entityRules(entity.name)?.unique ?? []).filter((columns) => {
    if (op.kind === 'update') return columns.some((column) => column in op.data);
    return !(numbered && columns.includes(numbered.column));
  });
}

/** Loads the live rows holding the unique values the batch's operations write. */
export async function loadUniqueGroups(
  tx: SyncQueries,
  ops: readonly Operation[],
  docs: ReadonlyMap<string, StoredDoc>,
): Promise<UniqueState> {
  const state: UniqueState = new Map();
  const probes: { entity: string; partition: string | null; probe: Record<string, unknown> }[] = [];
  for (const op of ops) {
    const entity = syncEntity(op.entity);
    if (!entity) continue;
    const groups = groupsOf(entity, op);
    if (groups.length === 0) continue; // most operations: no merged row to build
    const stored = docs.get(docKey(op.entity, op.rowId));
    const row = { ...(stored && !stored.deleted ? stored.data : null), ...op.data };
    for (const columns of groups) {
      if (!columns.every((column) => typeof row[column] === 'string' || typeof row[column] === 'number')) continue;
      // Rows of one group share a partition except for partition roots (sites of a deployment).
      const partition = entity.partition.kind === 'self' ? null : op.partition;
      probes.push({ entity: entity.name, partition, probe: Object.fromEntries(columns.map((column) => [column, row[column]])) });
    }
  }
  if (probes.length === 0) return state;
  const rows = await tx.query<{ entity: string; row_id: string; data: WireRow }>(
    `SELECT DISTINCT d.entity, d.row_id, d.data
       FROM jsonb_to_recordset($1::jsonb) AS x(entity text, partition text, probe jsonb)
       JOIN docs d ON d.entity = x.entity AND NOT d.deleted AND (x.partition IS NULL OR d.partition = x.partition) AND d.data @> x.probe`,
    [jsonParam(probes)],
  );
  for (const row of rows) {
    for (const columns of entityRules(row.entity)?.unique ?? []) {
      const key = groupKey(row.entity, columns, row.data);
      if (key) state.set(key, row.row_id);
    }
  }
  return state;
}

/**
 * Refuses the operation when another live row holds one of its unique groups; otherwise records the
 * row as the holder (releasing the values it held before, `current`).
 */
export function claimUnique(
  state: UniqueState | undefined,
  entity: SyncEntity,
  op: Operation,
  rowId: string,
  current: WireRow | null,
  row: WireRow,
): Rejection | undefined {
  if (!state) return undefined;
  const groups = groupsOf(entity, op);
  for (const columns of groups) {
    const key = groupKey(entity.name, columns, row);
    const holder = key ? state.get(key) : undefined;
    if (holder !== undefined && holder !== rowId) {
      return {
        code: 'constraint',
        reason: `${entity.name}: another row (${holder}) already has these ${columns.join(', ')} values (UNIQUE)`,
      };
    }
  }
  for (const columns of groups) {
    const before = current ? groupKey(entity.name, columns, current) : undefined;
    if (before && state.get(before) === rowId) state.delete(before);
    const key = groupKey(entity.name, columns, row);
    if (key) state.set(key, rowId);
  }
  return undefined;
}

/** A delete frees the unique values the row held. */
export function releaseUnique(state: UniqueState | undefined, entity: SyncEntity, rowId: string, current: WireRow | null): undefined {
  if (!state || !current) return undefined;
  for (const columns of entityRules(entity.name)?.unique ?? []) {
    const key = groupKey(entity.name, columns, current);
    if (key && state.get(key) === rowId) state.delete(key);
  }
  return undefined;
}
