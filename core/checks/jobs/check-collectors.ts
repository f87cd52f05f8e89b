import type { CollectOutcome, ProbeRequest, RemoteTarget } from '../collector-types';
import type { EvaluableRequirement } from '../../../shared/checks/evaluate';
import type { Facts } from '../../../shared/checks/facts';
import type { RequirementResult } from '../../../shared/checks/results';

export type HostProgressPhase = 'queued' | 'connecting' | 'probing' | 'done';

/**
 * The parts a check job is built from: the collectors and the evaluator. The core passes the real
 * ones (`default-check-parts.ts`); runner bookkeeping tests may pass fakes.
 */
export interface CheckParts {
  collectMany<T>(
    items: readonly T[],
    collect: (item: T, signal: AbortSignal) => Promise<CollectOutcome>,
    options: {
      concurrency: number;
      signal?: AbortSignal;
      onProgress?: (item: T, event: { phase: HostProgressPhase; outcome?: CollectOutcome }) => void;
    },
  ): Promise<Map<T, CollectOutcome>>;
  collectRemote(target: RemoteTarget, probes: ProbeRequest[], signal?: AbortSignal): Promise<CollectOutcome>;
  collectLocal(probes: ProbeRequest[], signal?: AbortSignal): Promise<CollectOutcome>;
  probeRequestsFor(requirements: EvaluableRequirement[]): ProbeRequest[];
  evaluate(facts: Facts, requirements: EvaluableRequirement[], context: { expectedSerial: string | null }): RequirementResult[];
}
