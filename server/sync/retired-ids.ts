import { docKey, type StoredDoc } from './push-state';
import { jsonParam, type SyncQueries } from './sync-db';

/**
 * Ids whose tombstones retention purged (`retired_row_ids`, central migration 3) enter a push
 * batch as tombstones of their partition, so an id is never re-inserted in another partition
 * (push-planner.ts refuses that while the tombstone itself lives too).
 */
export async function loadRetiredIds(
  tx: SyncQueries,
  keys: { entity: string; row_id: string }[],
  into: Map<string, StoredDoc>,
): Promise<void> {
  const missing = keys.filter((key) => !into.has(docKey(key.entity, key.row_id)));
  if (missing.length === 0) return;
  const rows = await tx.query<{ entity: string; row_id: string; partition: string }>(
    `SELECT r.entity, r.row_id, r.partition
       FROM retired_row_ids r JOIN jsonb_to_recordset($1::jsonb) AS x(entity text, row_id text) ON r.entity = x.entity AND r.row_id = x.row_id`,
    [jsonParam(missing)],
  );
  for (const row of rows) {
    into.set(docKey(row.entity, row.row_id), {
      entity: row.entity,
      rowId: row.row_id,
      partition: row.partition,
      version: 0,
      deleted: true,
      data: null,
      updatedByDevice: null,
      writes: null,
    });
  }
}
