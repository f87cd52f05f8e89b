import type { CollectOutcome } from './collector-types';

export type CollectPhase = 'queued' | 'connecting' | 'probing' | 'done';

export interface CollectManyOptions<T> {
  /** How many collections run at once (at least 1). */
  concurrency: number;
  signal?: AbortSignal;
  /**
   * Progress per item: `queued` for every item first, `connecting` when its collection starts,
   * `probing` when the collector reports it (see `reportProbing`), `done` with its outcome.
   */
  onProgress?: (item: T, event: { phase: CollectPhase; outcome?: CollectOutcome }) => void;
}

/**
 * Runs `collect` over `items` with at most `concurrency` at once. Cancelling the signal aborts the
 * running collections (each gets its own AbortSignal, chained to the caller's) and ends the queued
 * ones as `cancelled` without starting them. Never rejects: a throwing collector becomes `error`.
 */
export async function collectMany<T>(
  items: readonly T[],
  collect: (item: T, signal: AbortSignal) => Promise<CollectOutcome>,
  options: CollectManyOptions<T>,
): Promise<Map<T, CollectOutcome>> {
  const results = new Map<T, CollectOutcome>();
  const progress = (item: T, phase: CollectPhase, outcome?: CollectOutcome) => {
    try {
      options.onProgress?.(item, outcome ? { phase, outcome } : { phase });
    } catch {
      // a failing progress listener must not stop the run
    }
  };
  for (const item of items) progress(item, 'queued');
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1);
  let next = 0;

  const runOne = async (item: T): Promise<void> => {
    let outcome: CollectOutcome;
    if (options.signal?.aborted) {
      outcome = { ok: false, reason: 'cancelled', message: 'Cancelled before it started.' };
    } else {
      const controller = new AbortController();
      const relay = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', relay, { once: true });
      progress(item, 'connecting');
      probingReporters.set(controller.signal, () => progress(item, 'probing'));
      try {
        outcome = await collect(item, controller.signal);
      } catch (error) {
        outcome = { ok: false, reason: 'error', message: `The collector failed: ${(error as Error).message ?? String(error)}` };
      } finally {
        probingReporters.delete(controller.signal);
        options.signal?.removeEventListener('abort', relay);
      }
    }
    results.set(item, outcome);
    progress(item, 'done', outcome);
  };

  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await runOne(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

const probingReporters = new WeakMap<AbortSignal, () => void>();

/** For collectors: say that the connection is up and the probe is running (the `probing` phase). */
export function reportProbing(signal: AbortSignal | undefined): void {
  if (signal) probingReporters.get(signal)?.();
}
