import type { PendingApproval } from '../../../shared/checks/plan-approval';
import type { ServiceContext } from '../../services/service-context';
import { planRemoteHosts, planThisMachine, type HostPlan } from '../jobs/job-plan';
import { siteTargets } from '../runs/targets';
import { recordApproval, toPending } from './plan-approvals';

export interface ApprovalsQuery {
  siteId: string;
  targetIds?: string[] | undefined;
  /** This machine (as `role`) instead of the site's targets. */
  thisMachine: boolean;
  role?: string | undefined;
}

function plansFor(ctx: ServiceContext, query: ApprovalsQuery): HostPlan[] {
  if (query.thisMachine) return [planThisMachine(ctx, query.siteId, query.role)];
  if (!query.targetIds && siteTargets(ctx, query.siteId).length === 0) return [];
  return planRemoteHosts(ctx, query.siteId, query.targetIds);
}

/** The machines of a check whose commands and file reads wait for approval, with what they would run. */
export function approvalsNeeded(ctx: ServiceContext, query: ApprovalsQuery): PendingApproval[] {
  return plansFor(ctx, query)
    .filter((plan) => !plan.approval.approved)
    .map((plan) => toPending(plan.approval));
}

/**
 * Approves what was shown for each machine (by its hash), all or none: one stale hash refuses the
 * call and nothing is recorded (the dispatcher's transaction).
 */
export function approveCommands(
  ctx: ServiceContext,
  input: { siteId: string; approvals: { targetId: string | null; role?: string | undefined; hash: string }[] },
): { approved: number } {
  let approved = 0;
  for (const a of input.approvals) {
    const [plan] = a.targetId === null ? [planThisMachine(ctx, input.siteId, a.role)] : planRemoteHosts(ctx, input.siteId, [a.targetId]);
    if (!plan) continue;
    if (plan.approval.items.length > 0 && !plan.approval.approved) approved += 1;
    recordApproval(ctx, plan.approval, a.hash, input.siteId);
  }
  return { approved };
}
