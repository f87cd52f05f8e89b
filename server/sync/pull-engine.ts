import type { PullResponse, WireRow } from '../../shared/sync/wire';

import type { SyncQueries } from './sync-db';

/**
 * One page of a partition's change log after a cursor. The partition row is read before the log,
 * so `lastSeq` never runs ahead of what the page could have seen: every sequence up to it was
 * committed (sequences are allocated under the partition's row lock, inside the writing
 * transaction), and a row whose entry moved to a higher sequence comes again later.
 */
export interface PullRequest {
  partition: string;
  after: number;
  limit: number;
}

/** Null when the partition does not exist. */
export async function pullChanges(db: SyncQueries, request: PullRequest): Promise<PullResponse | null> {
  const partitions = await db.query<{ last_seq: number | string; retained_from: number | string }>(
    'SELECT last_seq, retained_from FROM partitions WHERE key = $1',
    [request.partition],
  );
  const partition = partitions[0];
  if (!partition) return null;
  const lastSeq = Number(partition.last_seq);
  const retainedFrom = Number(partition.retained_from);
  if (request.after > 0 && request.after < retainedFrom) {
    return { status: 'reset_required', partition: request.partition, retainedFrom, lastSeq };
  }
  const rows = await db.query<{ seq: number | string; entity: string; row_id: string; version: number; deleted: boolean; data: WireRow | null }>(
    `SELECT c.seq, c.entity, c.row_id, d.version, d.deleted, d.data
       FROM change_log c JOIN docs d ON d.entity = c.entity AND d.row_id = c.row_id
      WHERE c.partition = $1 AND c.seq > $2
      ORDER BY c.seq LIMIT $3`,
    [request.partition, request.after, request.limit + 1],
  );
  const more = rows.length > request.limit;
  const page = more ? rows.slice(0, request.limit) : rows;
  const changes = page.map((row) => ({
    seq: Number(row.seq),
    entity: row.entity,
    rowId: row.row_id,
    version: Number(row.version),
    deleted: row.deleted,
    data: row.deleted ? null : row.data,
  }));
  const pageEnd = changes.length > 0 ? changes[changes.length - 1]!.seq : request.after;
  const cursor = more ? pageEnd : Math.max(pageEnd, lastSeq, request.after);
  return { status: 'ok', partition: request.partition, changes, cursor, lastSeq: Math.max(lastSeq, pageEnd), more };
}
