import type Database from 'better-sqlite3';
import type { PartitionInfo, PullResponse } from '../../shared/sync/wire';
import { applyChanges } from './apply-changes';
import { blobsReferencedBy, downloadMissingBlobs } from './blobs';
import { readCursors, writeCursor, type CursorState } from './cursor-store';
import { removeRowsAbsentFromSnapshot } from './snapshot-cleanup';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncError } from './sync-error';

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
 * page and its cursor in ONE local transaction, attachments of a page fetched before the page.
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
  for (const info of list) await pullPartition(run, info, cursors.get(info.partition), counter);
  return { partitions: list.length, changes: counter.done };
}

async function pullPartition(run: SyncRun, info: PartitionInfo, cursor: CursorState | undefined, counter: { done: number; total: number }): Promise<void> {
  const { sqlite } = run.deps;
  let seen: Map<string, Set<string>> | null = cursor?.snapshot ? new Map() : null;
  let after = seen ? 0 : (cursor?.lastSeq ?? 0);
  // Nothing new. (A cursor beyond the server's last sequence means the server was restored from an older backup: ask, it answers reset_required.)
  if (!seen && cursor && after === info.lastSeq && after >= info.retainedFrom) return;
  let prefetched: Promise<PullResponse> | null = null;
  for (;;) {
    const page = await (prefetched ?? run.client.pull(info.partition, after, run.deps.pullLimit, seen !== null));
    prefetched = null;
    checkAborted(run);
    if (page.status === 'reset_required') {
      if (seen) throw new SyncError('server_error', 'The server asked for a fresh snapshot while sending one', `partition ${info.partition} after ${after}`);
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
    if (shas.length > 0) {
      await downloadMissingBlobs(run, shas);
      checkAborted(run);
    }
    const snapshot = seen;
    withoutForeignKeys(sqlite, () =>
      sqlite.transaction(() => {
        applyChanges(sqlite, page.changes, snapshot ? { seen: snapshot } : {});
        writeCursor(sqlite, info.partition, page.cursor, snapshot !== null);
      })(),
    );
    counter.done += page.changes.length;
    run.progress({ phase: 'pull', done: Math.min(counter.done, counter.total), total: counter.total });
    if (page.more && page.cursor <= after && page.changes.length === 0) {
      throw new SyncError('server_error', 'The server keeps answering "more" without new changes', `partition ${info.partition} at ${after}`);
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
        sqlite.prepare('DELETE FROM sync_apply_guard').run();
        writeCursor(sqlite, info.partition, after, false);
      })(),
    );
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
