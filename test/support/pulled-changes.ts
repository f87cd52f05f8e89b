import type { Change } from '../../shared/sync/wire';

/**
 * Makes the changes of a pulled page of one entity, numbered in order as a pull numbers them:
 * `change(rowId, row)` for an upsert, `change(rowId, null)` for a deletion.
 */
export function changeMaker(entity: string, version = 1): (rowId: string, data: Record<string, unknown> | null) => Change {
  let seq = 0;
  return (rowId, data) => ({ seq: ++seq, entity, rowId, version, deleted: data === null, data: data as Change['data'] });
}
