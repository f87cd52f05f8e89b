import { evaluate, probeRequestsFor } from '../../../shared/checks/evaluate';
import { collectMany } from '../collect-many';
import type { CheckParts } from './check-collectors';

/**
 * The real collectors and evaluator. The collectors (ssh2, systeminformation) load on the first
 * check, not when Outpost starts.
 */
export const defaultCheckParts: CheckParts = {
  collectMany,
  collectRemote: async (target, probes, signal) => (await import('../remote/collect-remote')).collectRemote(target, probes, signal),
  collectLocal: async (probes, signal) => (await import('../local/collect-local')).collectLocal(probes, signal),
  probeRequestsFor,
  evaluate,
};
