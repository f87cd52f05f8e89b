import type { SyncDb } from './sync-db';

/**
 * Tombstone retention: tombstones older than `olderThanDays` are deleted with their change-log
 * entries, and each affected partition's `retained_from` rises to the highest purged sequence. A
 * client whose cursor is below it may have missed a delete and is told `reset_required`. The purged
 * ids are kept in `retired_row_ids` so they are never re-inserted in another partition.
 */
export interface PurgeResult {
  purged: number;
  partitions: { partition: string; retainedFrom: number }[];
}

export async function purgeTombstones(db: SyncDb, options: { olderThanDays: number }): Promise<PurgeResult> {
  if (!Number.isFinite(options.olderThanDays) || options.olderThanDays < 0)
    throw new Error('olderThanDays must be a number of days, 0 or more');
  return db.transaction(async (tx) => {
    // Writers lock partitions before rows: take the same locks in the same (key) order first.
    await tx.query(
      `SELECT key FROM partitions WHERE key IN (
         SELECT DISTINCT partition FROM docs WHERE deleted AND updated_at <= now() - make_interval(secs => $1 * 86400))
       ORDER BY key FOR UPDATE`,
      [options.olderThanDays],
    );
    const rows = await tx.query<{ partition: string; purged: number | string; max_seq: number | string | null }>(
      `WITH gone AS (
         DELETE FROM docs WHERE deleted AND updated_at <= now() - make_interval(secs => $1 * 86400) RETURNING entity, row_id, partition),
       retired AS (
         INSERT INTO retired_row_ids (entity, row_id, partition) SELECT entity, row_id, partition FROM gone ON CONFLICT (entity, row_id) DO NOTHING),
       log AS (
         DELETE FROM change_log c USING gone g WHERE c.entity = g.entity AND c.row_id = g.row_id RETURNING c.partition, c.seq)
       SELECT g.partition, count(*) AS purged, (SELECT max(l.seq) FROM log l WHERE l.partition = g.partition) AS max_seq
         FROM gone g GROUP BY g.partition`,
      [options.olderThanDays],
    );
    const partitions: PurgeResult['partitions'] = [];
    let purged = 0;
    const raises = rows.filter((row) => row.max_seq !== null).map((row) => ({ key: row.partition, seq: Number(row.max_seq) }));
    for (const row of rows) purged += Number(row.purged);
    if (raises.length > 0) {
      const updated = await tx.query<{ key: string; retained_from: number | string }>(
        `UPDATE partitions p SET retained_from = GREATEST(p.retained_from, x.seq)
           FROM jsonb_to_recordset($1::jsonb) AS x(key text, seq bigint) WHERE p.key = x.key RETURNING p.key, p.retained_from`,
        [JSON.stringify(raises)],
      );
      for (const row of updated) partitions.push({ partition: row.key, retainedFrom: Number(row.retained_from) });
    }
    return { purged, partitions: partitions.sort((a, b) => (a.partition < b.partition ? -1 : 1)) };
  });
}
