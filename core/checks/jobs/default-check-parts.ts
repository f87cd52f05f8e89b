import { evaluate, probeRequestsFor } from '../../../shared/checks/evaluate';
import type { CollectOutcome } from '../collector-types';
import { collectRemote } from '../remote/collect-remote';
import type { CheckParts } from './check-collectors';

// Interim until core/checks/collect-many.ts and core/checks/local/ land: hosts run one after the
// other, and this machine reports that local collection is not available yet.
const notYet = async (): Promise<CollectOutcome> => ({ ok: false, reason: 'error', message: 'Collecting facts is not available in this build yet' });

/** The real collectors and evaluator. */
export const defaultCheckParts: CheckParts = {
  async collectMany(items, collect, options) {
    const results = new Map<(typeof items)[number], CollectOutcome>();
    const signal = options.signal ?? new AbortController().signal;
    for (const item of items) results.set(item, await collect(item, signal));
    return results;
  },
  collectRemote,
  collectLocal: notYet,
  probeRequestsFor,
  evaluate,
};
