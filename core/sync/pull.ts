import type Database from 'better-sqlite3';
import type { PartitionInfo } from '../../shared/sync/wire';
import { createLogger } from '../logging/logger';
import { applyChanges, RowNotStored, type ApplyOptions } from './apply-changes';
import { ATTACHMENT_UNAVAILABLE, blobsOfRow, blobsReferencedBy, downloadMissingBlobs } from './blobs';
import { readCursors, writeCursor, type CursorState } from './cursor-store';
import { removeRowsAbsentFromSnapshot } from './snapshot-cleanup';
import { checkAborted, type SyncRun } from './sync-deps';
import type { PulledChange, PulledPage } from './pulled-page';
import { reportQuarantine } from './quarantine-report';
import { forgetQuarantinedAbsent, listQuarantined } from './quarantine-store';
import { SyncError } from './sync-error';

const log = createLogger('sync.pull');

export interface PullSummary {
  partitions: number;
  changes: number;
}

/** Deployment partitions before site partitions (a site row needs its deployment), then by key. */
export function pullOrder(partitions: readonly PartitionInfo[]): PartitionInfo[] {
  const rank = (p: PartitionInfo) => (p.partition.startsWith('deployment:') ? 0 : 1);
  return [...partitions].sort((a, b) => rank(a) - rank(b) || a.partition.localeCompare(b.partition));
}

/**
 * Pulls the given partitions (default: every partition the server lets this account read), each
 * page and its cursor in ONE local transaction, attachments of a page fetched before the page. A
 * partition that fails does not stop the others (unless the whole run cannot go on: offline, a
 * refused token…); the run then ends in its error. Rows waiting for an attachment are tried again,
 * and new quarantine entries are reported to the server.
 */
export async function pullPartitions(run: SyncRun, partitions?: readonly PartitionInfo[]): Promise<PullSummary> {
  const list = pullOrder(partitions ?? (await run.client.partitions()).partitions);
  checkAborted(run);
  const cursors = readCursors(run.deps.sqlite);
  const start = (p: PartitionInfo) => {
    const cursor = cursors.get(p.partition);
    return cursor?.snapshot ? 0 : (cursor?.lastSeq ?? 0);
  };
  const total = list.reduce((sum, p) => sum + Math.max(0, p.lastSeq - start(p)), 0);
  const counter = { done: 0, total };
  if (total > 0) run.progress({ phase: 'pull', done: 0, total });
  const failed: { partition: string; error: SyncError }[] = [];
  for (const info of list) {
    try {
      await pullPartition(run, info, cursors.get(info.partition), counter);
    } catch (error) {
      // One partition's failure does not hold back the others; the run still ends in that error.
      if (!(error instanceof SyncError) || PULL_STOPPERS.has(error.code)) throw error;
      log.warn('partition not pulled', { partition: info.partition, code: error.code, message: error.message, detail: error.detail });
      failed.push({ partition: info.partition, error });
    }
  }
  await retryWaitingForAttachments(run, new Set(list.map((p) => p.partition)));
  await reportQuarantine(run);
  if (failed.length > 0) {
    const first = failed[0]!;
    const also = failed.length > 1 ? ` (and ${failed.length - 1} more partitions)` : '';
    throw new SyncError(
      first.error.code,
      `${first.error.message}: ${first.partition}${also}; the other partitions were pulled`,
      first.error.detail,
      first.error.status,
      first.error.serverCode,
    );
  }
  return { partitions: list.length, changes: counter.done };
}

/** Failures that concern the whole run, not one partition: stop at once. */
const PULL_STOPPERS = new Set(['offline', 'unauthorized', 'client_too_old', 'rate_limited', 'untrusted_server']);

async function pullPartition(
  run: SyncRun,
  info: PartitionInfo,
  cursor: CursorState | undefined,
  counter: { done: number; total: number },
): Promise<void> {
  const { sqlite } = run.deps;
  let seen: Map<string, Set<string>> | null = cursor?.snapshot ? new Map() : null;
  let after = seen ? 0 : (cursor?.lastSeq ?? 0);
  // Nothing new. (A cursor beyond the server's last sequence means the server was restored from an older backup: ask, it answers reset_required.)
  if (!seen && cursor && after === info.lastSeq && after >= info.retainedFrom) return;
  let prefetched: Promise<PulledPage> | null = null;
  for (;;) {
    const page = await (prefetched ?? run.client.pull(info.partition, after, run.deps.pullLimit, seen !== null));
    prefetched = null;
    checkAborted(run);
    if (page.status === 'reset_required') {
      if (seen)
        throw new SyncError(
          'server_error',
          'The server asked for a fresh snapshot while sending one',
          `partition ${info.partition} after ${after}`,
        );
      sqlite.transaction(() => writeCursor(sqlite, info.partition, 0, true))();
      seen = new Map();
      after = 0;
      counter.total += info.lastSeq;
      continue;
    }
    // Ask for the next page while this one is stored: the server's time hides behind SQLite's.
    // (Only a request: its page is applied, with its cursor, after this one is committed.)
    if (page.more && page.cursor > after) {
      prefetched = run.client.pull(info.partition, page.cursor, run.deps.pullLimit, seen !== null);
      prefetched.catch(() => undefined); // awaited on the next turn; never an unhandled rejection if this turn throws
    }
    const shas = blobsReferencedBy(page.changes);
    const unavailable = shas.length > 0 ? await downloadMissingBlobs(run, shas) : new Map<string, string>();
    checkAborted(run);
    storePage(sqlite, info.partition, page.changes, page.cursor, seen, unavailable);
    counter.done += page.changes.length;
    run.progress({ phase: 'pull', done: Math.min(counter.done, counter.total), total: counter.total });
    if (page.more && page.cursor <= after && page.changes.length === 0) {
      throw new SyncError(
        'server_error',
        'The server keeps answering "more" without new changes',
        `partition ${info.partition} at ${after}`,
      );
    }
    after = page.cursor;
    if (!page.more) break;
  }
  if (seen) {
    const complete = seen;
    withoutForeignKeys(sqlite, () =>
      sqlite.transaction(() => {
        sqlite.prepare('INSERT INTO sync_apply_guard (id) VALUES (1) ON CONFLICT(id) DO NOTHING').run();
        removeRowsAbsentFromSnapshot(sqlite, info.partition, complete); // children first, so no cascade is needed
        forgetQuarantinedAbsent(sqlite, info.partition, complete);
        sqlite.prepare('DELETE FROM sync_apply_guard').run();
        writeCursor(sqlite, info.partition, after, false);
      })(),
    );
  }
}

/**
 * Stores a page and its cursor in one transaction. A row the database refuses rolls the attempt
 * back, and the page is stored again with a savepoint per row: the refused rows go to the
 * quarantine, the rest and the cursor are committed. The usual page takes the fast way only.
 */
function storePage(
  sqlite: Database.Database,
  partition: string,
  changes: readonly PulledChange[],
  cursor: number,
  seen: Map<string, Set<string>> | null,
  unavailableBlobs: ReadonlyMap<string, string>,
): void {
  const store = (isolateRows: boolean) => {
    const options: ApplyOptions = { partition, isolateRows, unavailableBlobs, ...(seen ? { seen } : {}) };
    withoutForeignKeys(sqlite, () =>
      sqlite.transaction(() => {
        applyChanges(sqlite, changes, options);
        writeCursor(sqlite, partition, cursor, seen !== null);
      })(),
    );
  };
  try {
    store(false);
  } catch (error) {
    if (!(error instanceof RowNotStored)) throw error;
    log.warn('a pulled row could not be stored: storing the page row by row', {
      partition,
      entity: error.entity,
      rowId: error.rowId,
      reason: error.message,
    });
    store(true);
  }
}

/**
 * Rows waiting in the quarantine for an attachment the server would not give: tried again after
 * every pull of their partition; those whose attachments now arrive are stored (a savepoint each).
 */
async function retryWaitingForAttachments(run: SyncRun, pulled: ReadonlySet<string>): Promise<void> {
  const { sqlite } = run.deps;
  const waiting = listQuarantined(sqlite).filter(
    (q) => q.data !== null && pulled.has(q.partition) && q.reason.startsWith(ATTACHMENT_UNAVAILABLE),
  );
  if (waiting.length === 0) return;
  const changes: PulledChange[] = waiting.map((q) => ({
    seq: 1,
    entity: q.entity,
    rowId: q.rowId,
    version: q.version,
    deleted: false,
    data: q.data,
  }));
  const unavailable = await downloadMissingBlobs(run, blobsReferencedBy(changes));
  checkAborted(run);
  const byPartition = new Map<string, PulledChange[]>();
  waiting.forEach((q, i) => {
    if (blobsOfRow(q.entity, q.data, unavailable).length > 0) return;
    byPartition.set(q.partition, [...(byPartition.get(q.partition) ?? []), changes[i]!]);
  });
  for (const [partition, ready] of byPartition) {
    withoutForeignKeys(sqlite, () => sqlite.transaction(() => applyChanges(sqlite, ready, { partition, isolateRows: true }))());
  }
}

/**
 * Pages come in change-log order, not parent-before-child: a site row changed after its items comes
 * in a later page than they do. Foreign keys are therefore not enforced while a page is stored
 * (the pragma only takes effect outside a transaction; nothing else runs in between, the
 * connection is synchronous); the parents arrive before the partition's pull ends.
 */
function withoutForeignKeys(sqlite: Database.Database, apply: () => void): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    apply();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
