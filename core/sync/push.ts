import type Database from 'better-sqlite3';
import { PUSH_MAX_BYTES, PUSH_MAX_OPERATIONS, SYNC_PROTOCOL_VERSION, type Operation, type OperationResult } from '../../shared/sync/wire';
import { createLogger } from '../logging/logger';
import { uploadPendingBlobs } from './blob-upload';
import { requestSnapshot } from './cursor-store';
import { countPendingOperations, pendingOperations, toOperation, type OutboxRow } from './outbox-store';
import { checkAborted, type SyncRun } from './sync-deps';

const log = createLogger('sync.push');
/** Room for the request envelope around the operations. */
const ENVELOPE_BYTES = 256;

export interface PushSummary {
  applied: number;
  duplicate: number;
  rejected: number;
}

/**
 * Pushes the outbox in capture order: attachments first, then batches of at most 500 operations
 * and 1 MB. Each batch's results are stored in ONE local transaction: applied and duplicate leave
 * the outbox, rejected ones move to the conflicts with the server's
 * code and reason. Operations without a result stay for the next run. Nothing is dropped silently.
 */
export async function pushOutbox(run: SyncRun): Promise<PushSummary> {
  await uploadPendingBlobs(run);
  const { sqlite } = run.deps;
  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0 };
  const total = countPendingOperations(sqlite);
  let done = 0;
  let afterSeq = 0;
  if (total > 0) run.progress({ phase: 'push', done, total });
  for (;;) {
    checkAborted(run);
    const rows = pendingOperations(sqlite, afterSeq, PUSH_MAX_OPERATIONS);
    if (rows.length === 0) break;
    const batch = takeBatch(sqlite, rows, run.deps.clock.now());
    afterSeq = batch.lastSeq;
    if (batch.rows.length === 0) continue;
    sqlite.prepare(`UPDATE sync_outbox SET attempts = attempts + 1 WHERE seq BETWEEN ? AND ?`).run(batch.rows[0]!.seq, batch.lastSeq);
    const response = await run.client.push({
      protocolVersion: SYNC_PROTOCOL_VERSION,
      schemaVersion: run.deps.schemaVersion,
      operations: batch.operations,
    });
    checkAborted(run);
    const counted = storeResults(sqlite, batch.rows, response.results, response.serverTime);
    summary.applied += counted.applied;
    summary.duplicate += counted.duplicate;
    summary.rejected += counted.rejected;
    done += batch.rows.length;
    run.progress({ phase: 'push', done: Math.min(done, total), total });
  }
  return summary;
}

interface Batch {
  rows: OutboxRow[];
  operations: Operation[];
  lastSeq: number;
}

/** Operations in order until 1 MB; one larger than the limit on its own goes to the conflicts (the server could never take it). */
function takeBatch(sqlite: Database.Database, rows: OutboxRow[], at: string): Batch {
  const batch: Batch = { rows: [], operations: [], lastSeq: rows[0]!.seq - 1 };
  let bytes = ENVELOPE_BYTES;
  for (const row of rows) {
    const operation = toOperation(row);
    const size = Buffer.byteLength(JSON.stringify(operation), 'utf8') + 1;
    if (size + ENVELOPE_BYTES > PUSH_MAX_BYTES) {
      if (batch.rows.length > 0) break;
      reject(sqlite, row, 'too_large', `The change is ${size} bytes; the server takes at most ${PUSH_MAX_BYTES} bytes per request`, at);
      batch.lastSeq = row.seq;
      continue;
    }
    if (bytes + size > PUSH_MAX_BYTES) break;
    bytes += size;
    batch.rows.push(row);
    batch.operations.push(operation);
    batch.lastSeq = row.seq;
  }
  return batch;
}

function storeResults(sqlite: Database.Database, rows: OutboxRow[], results: readonly OperationResult[], at: string): PushSummary {
  const byOpId = new Map(rows.map((row) => [row.op_id, row]));
  const summary: PushSummary = { applied: 0, duplicate: 0, rejected: 0 };
  const removeOp = sqlite.prepare('DELETE FROM sync_outbox WHERE op_id = ?');
  // The row's local version is NOT raised to the version the server gave this write, nor are later
  // operations of the row rebased onto it: that version may include another device's writes this
  // device has not pulled yet, and a later operation based on it would hide that it replaces them
  // (the server records an overwrite only for values written after the operation's base version).
  // The next pull brings the row, and its version, as the server has it.
  sqlite.transaction(() => {
    for (const result of results) {
      const row = byOpId.get(result.opId);
      if (!row) {
        log.warn('push result for an operation that was not sent', { opId: result.opId });
        continue;
      }
      byOpId.delete(result.opId);
      if (result.status === 'rejected') {
        reject(sqlite, row, result.code, result.reason, at);
        summary.rejected += 1;
        continue;
      }
      removeOp.run(row.op_id);
      summary[result.status] += 1;
    }
  })();
  if (byOpId.size > 0) log.warn('operations without a result stay queued', { count: byOpId.size });
  return summary;
}

/** Moves an operation to the conflicts list and asks for a fresh snapshot of its partition, so the local row returns to the server's state. */
function reject(sqlite: Database.Database, row: OutboxRow, code: string, reason: string, at: string): void {
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO sync_conflicts (op_id, entity, row_id, kind, partition, data, code, reason, created_at, rejected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(op_id) DO NOTHING`,
      )
      .run(row.op_id, row.entity, row.row_id, row.kind, row.partition, row.data, code, reason, row.created_at, at);
    sqlite.prepare('DELETE FROM sync_outbox WHERE op_id = ?').run(row.op_id);
    requestSnapshot(sqlite, row.partition);
  })();
  log.info('operation rejected', { opId: row.op_id, entity: row.entity, code });
}
