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
  const rows = ctx.sqlite.prepare('SELECT id, target_role, kind, description, params FROM requirements WHERE deployment_id = ? ORDER BY rowid').all(deploymentId) as RequirementRow[];
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
  return chosen.map((target) => {
    const requirements = requirementsFor(ctx, site.deploymentId, target.role);
    const approval = approvalState(ctx, remoteScope(ctx, site.deploymentId, target), requirements);
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
  });
}

export function planThisMachine(ctx: ServiceContext, siteId: string, role: string | undefined): HostPlan {
  const site = requireSite(ctx, siteId);
  const requirements = requirementsFor(ctx, site.deploymentId, role ?? null);
  const approval = approvalState(ctx, localScope(site.deploymentId, role ?? null), requirements);
  return { key: 'this-machine', target: null, label: 'This machine', requirements, expectedSerial: null, pins: [], approval, held: heldBack(approval) };
}
