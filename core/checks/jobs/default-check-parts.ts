import { evaluate, probeRequestsFor } from '../../../shared/checks/evaluate';
import { collectMany } from '../collect-many';
import { collectLocal } from '../local/collect-local';
import { collectRemote } from '../remote/collect-remote';
import type { CheckParts } from './check-collectors';

/** The real collectors and evaluator. */
export const defaultCheckParts: CheckParts = {
  collectMany,
  collectRemote,
  collectLocal: (probes, signal) => collectLocal(probes, signal),
  probeRequestsFor,
  evaluate,
};
