import { evaluate, probeRequestsFor } from '../../../shared/checks/evaluate';
import type { CollectOutcome } from '../collector-types';
import type { CheckParts } from './check-collectors';

// Interim until the collectors (core/checks/collect-many.ts, local/, remote/) land: every host
// reports that collection is not available. Replaced by the real collectors as soon as they exist.
const notYet = async (): Promise<CollectOutcome> => ({ ok: false, reason: 'error', message: 'Collecting facts is not available in this build yet' });

/** The real collectors and evaluator. */
export const defaultCheckParts: CheckParts = {
  async collectMany(items, collect, options) {
    const results = new Map<(typeof items)[number], CollectOutcome>();
    const signal = options.signal ?? new AbortController().signal;
    for (const item of items) results.set(item, await collect(item, signal));
    return results;
  },
  collectRemote: notYet,
  collectLocal: notYet,
  probeRequestsFor,
  evaluate,
};
