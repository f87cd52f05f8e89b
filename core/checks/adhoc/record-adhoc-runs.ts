import { factsForStorage } from '../../../shared/checks/evidence';
import type { AdhocRun } from '../../../shared/contract/adhoc-check-methods';
import { DomainError } from '../../services/domain-error';
import type { ServiceContext } from '../../services/service-context';
import { requireSite } from '../../services/site-service';
import { insertCheckRun } from '../runs/run-store';
import { siteTargets } from '../runs/targets';

/**
 * Stores an ad-hoc check's runs (`outpost check --site CODE --target …`) as one job in the
 * history of the site's targets they were matched to; a target of another site is refused. Facts
 * are kept as evidence only (`factsForStorage`), like the Machines tab's runs.
 */
export function recordAdhocRuns(ctx: ServiceContext, input: { siteId: string; runs: AdhocRun[] }): { runIds: string[] } {
  requireSite(ctx, input.siteId);
  const targets = new Map(siteTargets(ctx, input.siteId).map((t) => [t.id, t]));
  const foreign = input.runs.filter((r) => !targets.has(r.targetId));
  if (foreign.length > 0)
    throw new DomainError('rule', `${foreign.length === 1 ? 'A run is' : `${foreign.length} runs are`} for no target machine of this site`);
  const jobId = ctx.newId();
  const by = ctx.actor();
  const runIds = input.runs.map((run) => {
    const target = targets.get(run.targetId)!;
    return insertCheckRun(ctx, {
      siteId: input.siteId,
      targetId: target.id,
      targetLabel: target.host_name || target.address,
      jobId,
      startedAt: run.startedAt,
      finishedAt: ctx.clock.now(),
      by,
      outcome: run.outcome,
      message: run.message,
      hostKey: run.hostKey,
      expectedFingerprint: run.expectedFingerprint,
      facts: run.facts ? factsForStorage(run.facts) : null,
      results: run.results,
      durationMs: run.durationMs,
    });
  });
  return { runIds };
}
