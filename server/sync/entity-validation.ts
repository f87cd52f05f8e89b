import { rowIdOf, syncEntity, valueFitsColumn, type SyncColumnType, type SyncEntity } from '../../shared/sync/entity-registry';
import type { Operation } from '../../shared/sync/wire';
import type { Rejection } from '../../shared/sync/row-partition';

/**
 * Checks one pushed operation against the entity registry, before any database state is looked at:
 * the entity exists, every column belongs to it and has its declared type, the kind carries the
 * columns it needs, and the row id is the one the key columns give. Partition and access checks
 * need the stored rows and come later (push-planner.ts, access-rules.ts).
 */

/** The longest text value the server stores in one column (a check run's results, a sheet's JSON). */
export const MAX_TEXT_COLUMN_BYTES = 1024 * 1024;

export type { Rejection } from '../../shared/sync/row-partition';
export { partitionOfRow, type PartitionOf } from '../../shared/sync/row-partition';

export type ShapeCheck = { ok: true; entity: SyncEntity } | { ok: false; rejection: Rejection };

const invalid = (reason: string): ShapeCheck => ({ ok: false, rejection: { code: 'invalid', reason } });

function typeProblem(column: string, type: SyncColumnType, value: unknown): string | undefined {
  if (!valueFitsColumn(type, value)) {
    if (value === null) return `${column} may not be empty (null)`;
    return type.startsWith('int') ? `${column} must be a whole number` : `${column} must be text`;
  }
  if (typeof value === 'string' && value.length > MAX_TEXT_COLUMN_BYTES / 4 && Buffer.byteLength(value, 'utf8') > MAX_TEXT_COLUMN_BYTES) {
    return `${column} is longer than ${MAX_TEXT_COLUMN_BYTES} bytes`;
  }
  return undefined;
}

export function checkOperationShape(op: Operation): ShapeCheck {
  const entity = syncEntity(op.entity);
  if (!entity) return { ok: false, rejection: { code: 'unknown_entity', reason: `"${op.entity}" is not a synced entity` } };

  const problems: string[] = [];
  for (const [column, value] of Object.entries(op.data)) {
    const type = entity.columns[column];
    if (!type) {
      problems.push(`${entity.name} has no column ${column}`);
      continue;
    }
    const problem = typeProblem(column, type, value);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) return invalid(problems.join('; '));

  const missingKeys = entity.key.filter((column) => op.data[column] === undefined || op.data[column] === null);
  if (missingKeys.length > 0) return invalid(`${op.kind} of ${entity.name} needs its key column(s) ${missingKeys.join(', ')}`);

  if (op.kind === 'insert') {
    const missing = Object.entries(entity.columns)
      .filter(([column, type]) => !type.endsWith('?') && op.data[column] === undefined)
      .map(([column]) => column);
    if (missing.length > 0) return invalid(`insert of ${entity.name} is missing ${missing.join(', ')}`);
  } else if (op.kind === 'update') {
    const others = Object.keys(op.data).filter((column) => !entity.key.includes(column));
    if (others.length === 0) return invalid(`update of ${entity.name} changes no column`);
  }

  const expectedRowId = rowIdOf(entity, op.data);
  if (expectedRowId !== op.rowId) return invalid(`rowId ${op.rowId} does not match the key columns (${expectedRowId})`);
  return { ok: true, entity };
}
