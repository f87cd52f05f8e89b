import { pendingOperations, toOperation } from '../../core/sync/outbox-store';
import { checkOperationShape, partitionOfRow } from '../../server/sync/entity-validation';
import { constraintRejection, immutableRejection } from '../../server/sync/row-constraints';
import type { Operation, WireRow } from '../../shared/sync/wire';
import { readLocal } from '../support/sync-verify';
import { percentile } from './stats';

const ROUNDS = 7;

/** The operations waiting in a device's outbox, as they go on the wire. */
export function outboxOperations(databaseFile: string): Operation[] {
  return readLocal(databaseFile, (sqlite) => pendingOperations(sqlite, 0, -1).map(toOperation)); // LIMIT -1: no limit
}

/**
 * The server's per-operation validation (shape and types, where the row belongs, immutability,
 * the desktop's CHECK / NOT NULL rules: server/sync/push-planner.ts `decide` before it touches
 * concurrency or the database), timed in process over real pushed operations. Each update is
 * merged with the row as the device holds it, as the planner merges it with the stored row.
 * Returns the median over rounds of microseconds per operation.
 */
export function serverValidationUsPerOp(ops: readonly Operation[], currentRows: ReadonlyMap<string, WireRow>): number {
  const perRound: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let refused = 0;
    const started = performance.now();
    for (const op of ops) {
      const shape = checkOperationShape(op);
      if (!shape.ok) {
        refused += 1;
        continue;
      }
      const current = currentRows.get(op.rowId) ?? null;
      const row: WireRow = op.kind === 'update' ? { ...current, ...op.data } : { ...op.data };
      if (partitionOfRow(shape.entity, row).ok === false) refused += 1;
      else if (immutableRejection(shape.entity, op, current, row) ?? constraintRejection(shape.entity, row)) refused += 1;
    }
    perRound.push(((performance.now() - started) * 1000) / ops.length);
    if (refused > 0) throw new Error(`validation refused ${refused} of ${ops.length} operations the server applied`);
  }
  return percentile(perRound, 50);
}
