import type { PullResponse } from '../../shared/sync/wire';

import type { SyncQueries } from './sync-db';

/**
 * One page of a partition's change log after a cursor. The partition row is read before the log,
 * so `lastSeq` never runs ahead of what the page could have seen: every sequence up to it was
 * committed (sequences are allocated under the partition's row lock, inside the writing
 * transaction), and a row whose entry moved to a higher sequence comes again later.
 *
 * The page's JSON is built by the database (`json_agg`): rows are stored as JSONB and go out as
 * text without being parsed and serialized again in Node, which is most of a large pull's cost.
 */
/**
 * A page stops once its rows' JSON passes this many bytes (it always holds at least one row): a
 * page of large rows (sheets, check runs) stays a few MB however many rows the client asked for.
 */
export const PULL_PAGE_MAX_BYTES = 4 * 1024 * 1024;

export interface PullRequest {
  partition: string;
  after: number;
  limit: number;
  /** The page's byte budget (rows' JSON); PULL_PAGE_MAX_BYTES when not given. */
  maxBytes?: number;
  /** A page after the first of a snapshot: the client drops rows absent from the snapshot at its end, so purged tombstones cannot be missed. */
  snapshot?: boolean;
}

/** The page as the JSON text of a `pullResponseSchema` value; null when the partition does not exist. */
export async function pullChangesJson(db: SyncQueries, request: PullRequest): Promise<string | null> {
  const partitions = await db.query<{ last_seq: number | string; retained_from: number | string }>(
    'SELECT last_seq, retained_from FROM partitions WHERE key = $1',
    [request.partition],
  );
  const partition = partitions[0];
  if (!partition) return null;
  const lastSeq = Number(partition.last_seq);
  const retainedFrom = Number(partition.retained_from);
  // Below the retention mark the client may have missed a purged delete; above the last sequence it
  // holds a cursor from a database this one is not (restored from a backup): both need a snapshot.
  // The later pages of a snapshot are exempt from the retention mark (their cursor is below it by design).
  if ((!request.snapshot && request.after > 0 && request.after < retainedFrom) || request.after > lastSeq) {
    return JSON.stringify({ status: 'reset_required', partition: request.partition, retainedFrom, lastSeq } satisfies PullResponse);
  }
  // `data_bytes` (central migration 7) is each row's JSON size, stored when written: the running sum
  // cuts the page at the byte budget without serializing the rows twice.
  const [page] = await db.query<{ fetched: number | string; taken: number | string; page_end: number | string | null; changes: string }>(
    `WITH log AS (
       SELECT seq, entity, row_id FROM change_log WHERE partition = $1 AND seq > $2 ORDER BY seq LIMIT $3 + 1),
     fetched AS (
       SELECT l.seq, l.entity, l.row_id, d.version, d.deleted, d.data,
              sum(CASE WHEN d.deleted THEN 0 ELSE d.data_bytes END) OVER (ORDER BY l.seq) AS running,
              row_number() OVER (ORDER BY l.seq) AS n
         FROM log l JOIN docs d ON d.entity = l.entity AND d.row_id = l.row_id),
     page AS (SELECT * FROM fetched WHERE n <= $3 AND (n = 1 OR running <= $4))
     SELECT (SELECT count(*) FROM fetched) AS fetched,
            (SELECT count(*) FROM page) AS taken,
            (SELECT max(seq) FROM page) AS page_end,
            (SELECT coalesce(json_agg(json_build_object(
                'seq', seq, 'entity', entity, 'rowId', row_id, 'version', version, 'deleted', deleted,
                'data', CASE WHEN deleted THEN NULL ELSE data END) ORDER BY seq), '[]'::json)::text FROM page) AS changes`,
    [request.partition, request.after, request.limit, request.maxBytes ?? PULL_PAGE_MAX_BYTES],
  );
  const more = Number(page!.fetched) > Number(page!.taken);
  const pageEnd = page!.page_end === null ? request.after : Number(page!.page_end);
  const cursor = more ? pageEnd : Math.max(pageEnd, lastSeq);
  const head = JSON.stringify({ status: 'ok', partition: request.partition, cursor, lastSeq: Math.max(lastSeq, pageEnd), more });
  return `${head.slice(0, -1)},"changes":${page!.changes}}`;
}

/** The same page as a value (in-process callers). */
export async function pullChanges(db: SyncQueries, request: PullRequest): Promise<PullResponse | null> {
  const json = await pullChangesJson(db, request);
  return json === null ? null : (JSON.parse(json) as PullResponse);
}
