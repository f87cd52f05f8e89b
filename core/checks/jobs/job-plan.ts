import type { EvaluableRequirement } from '../../../shared/checks/evaluate';
import { DomainError, notFound } from '../../services/domain-error';
import type { ServiceContext } from '../../services/service-context';
import { requireSite } from '../../services/site-service';
import type { ProbeRequest } from '../collector-types';
import { approvalState, localScope, remoteScope, type ApprovalState } from '../approvals/plan-approvals';
import { listHostKeys } from '../host-keys/host-key-store';
import type { CheckParts } from './check-collectors';
import { expectedSerialOf, siteTargets, type TargetRow } from '../runs/targets';

/** One host of a job, with everything read from the database before the job goes to the background. */
export interface HostPlan {
  key: string;
  target: TargetRow | null;
  label: string;
  requirements: EvaluableRequirement[];
  expectedSerial: string | null;
  /** Trusted fingerprints, newest first. */
  pins: string[];
  /** The plan's commands and file reads for this machine and whether the technician approved them. */
  approval: ApprovalState;
  /** Requirements not run because they wait for approval (their result is "needs approval"). */
  held: ReadonlySet<string>;
}

/** What the target is asked to run: the probed requirements, less those waiting for approval. */
export function runnableProbes(parts: Pick<CheckParts, 'probeRequestsFor'>, plan: HostPlan): ProbeRequest[] {
  return parts.probeRequestsFor(plan.requirements).filter((p) => !plan.held.has(p.id));
}

function heldBack(approval: ApprovalState): ReadonlySet<string> {
  return new Set(approval.approved ? [] : approval.items.map((i) => i.requirementId));
}

interface RequirementRow {
  id: string;
  target_role: string | null;
  kind: string;
  description: string;
  params: string;
}

/** The deployment's requirements that apply to a role (those without a role apply to every target). */
export function requirementsFor(ctx: ServiceContext, deploymentId: string, role: string | null): EvaluableRequirement[] {
  const rows = ctx.sqlite
    .prepare('SELECT id, target_role, kind, description, params FROM requirements WHERE deployment_id = ? ORDER BY rowid')
    .all(deploymentId) as RequirementRow[];
  return rows
    .filter((r) => r.target_role === null || r.target_role === '' || r.target_role === role)
    .map((r) => ({ id: r.id, kind: r.kind, description: r.description, params: parseParams(r.params) }));
}

function parseParams(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function planRemoteHosts(ctx: ServiceContext, siteId: string, targetIds: readonly string[] | undefined): HostPlan[] {
  const site = requireSite(ctx, siteId);
  const all = siteTargets(ctx, siteId);
  let chosen = all;
  if (targetIds) {
    const byId = new Map(all.map((t) => [t.id, t]));
    chosen = [...new Set(targetIds)].map((id) => {
      const target = byId.get(id);
      if (!target) throw notFound('Target machine at this site', id);
      return target;
    });
  }
  if (chosen.length === 0) throw new DomainError('rule', 'This site has no target machines to check');
  return chosen.map((target) => remoteHostPlan(ctx, site.deploymentId, target, requirementsFor(ctx, site.deploymentId, target.role)));
}

/** A target's plan: the requirements given, with today's trusted keys, approvals and expected serial. */
function remoteHostPlan(ctx: ServiceContext, deploymentId: string, target: TargetRow, requirements: EvaluableRequirement[]): HostPlan {
  const approval = approvalState(ctx, remoteScope(ctx, deploymentId, target), requirements);
  return {
    key: target.id,
    target,
    label: target.host_name || target.address,
    requirements,
    expectedSerial: expectedSerialOf(ctx, target),
    pins: listHostKeys(ctx, target.id).map((k) => k.fingerprint),
    approval,
    held: heldBack(approval),
  };
}

function thisMachinePlan(ctx: ServiceContext, deploymentId: string, role: string | null, requirements: EvaluableRequirement[]): HostPlan {
  const approval = approvalState(ctx, localScope(deploymentId, role), requirements);
  return {
    key: THIS_MACHINE,
    target: null,
    label: 'This machine',
    requirements,
    expectedSerial: null,
    pins: [],
    approval,
    held: heldBack(approval),
  };
}

export const THIS_MACHINE = 'this-machine';

export function planThisMachine(ctx: ServiceContext, siteId: string, role: string | undefined): HostPlan {
  const site = requireSite(ctx, siteId);
  return thisMachinePlan(ctx, site.deploymentId, role ?? null, requirementsFor(ctx, site.deploymentId, role ?? null));
}

/**
 * The plan of a host of a stored job, to resume or retry it: the requirements fixed when the job
 * started, with today's target address, trusted keys and approvals. Says why when the host can no
 * longer be checked (site or target removed since).
 */
export function planStoredHost(
  ctx: ServiceContext,
  siteId: string,
  host: { hostKey: string; targetId: string | null; requirements: EvaluableRequirement[] },
  role: string | null,
): HostPlan | { unavailable: string } {
  const site = ctx.sqlite.prepare('SELECT deployment_id FROM sites WHERE id = ?').get(siteId) as { deployment_id: string } | undefined;
  if (!site) return { unavailable: 'The site no longer exists' };
  if (host.targetId === null) return thisMachinePlan(ctx, site.deployment_id, role, host.requirements);
  const target = siteTargets(ctx, siteId).find((t) => t.id === host.targetId);
  if (!target) return { unavailable: 'This machine is no longer a target of the site' };
  return remoteHostPlan(ctx, site.deployment_id, target, host.requirements);
}
