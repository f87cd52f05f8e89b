import { createHash } from 'node:crypto';
import os from 'node:os';
import type { EvaluableRequirement } from '../../../shared/checks/evaluate';
import {
  approvalFingerprintText,
  approvalItemsFor,
  describeRunAs,
  type ApprovalItem,
  type ApprovalRunAs,
  type PendingApproval,
} from '../../../shared/checks/plan-approval';
import { DomainError } from '../../services/domain-error';
import { recordActivity, type ServiceContext } from '../../services/service-context';
import { getCredential } from '../credentials/credential-store';
import type { TargetRow } from '../runs/targets';

/**
 * Approvals of what a plan runs on a machine (migration 16). A remote target's approval is keyed
 * by the target, this machine's by the role it is checked as; both by the deployment and the hash
 * of the exact commands, paths, user and sudo.
 */
export interface ApprovalScope {
  deploymentId: string;
  scope: 'target' | 'role';
  key: string;
  label: string;
  runAs: ApprovalRunAs;
}

/** What one machine of a check needs approved, and whether it is. */
export interface ApprovalState {
  scope: ApprovalScope;
  items: ApprovalItem[];
  hash: string;
  approved: boolean;
}

export function remoteScope(ctx: ServiceContext, deploymentId: string, target: TargetRow): ApprovalScope {
  const credential = getCredential(ctx, target.id);
  return {
    deploymentId,
    scope: 'target',
    key: target.id,
    label: target.host_name || target.address,
    runAs: { user: credential?.username ?? target.username, sudo: credential?.useSudo ?? false },
  };
}

/** This machine runs probes as the user Outpost runs as, never with sudo. */
export function localScope(deploymentId: string, role: string | null): ApprovalScope {
  let user = 'this user';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep the generic name
  }
  return { deploymentId, scope: 'role', key: role ?? '', label: 'this machine', runAs: { user, sudo: false } };
}

export function approvalHash(items: readonly ApprovalItem[], runAs: ApprovalRunAs): string {
  return createHash('sha256').update(approvalFingerprintText(items, runAs)).digest('hex');
}

export function approvalState(ctx: ServiceContext, scope: ApprovalScope, requirements: readonly EvaluableRequirement[]): ApprovalState {
  const items = approvalItemsFor(requirements);
  const hash = approvalHash(items, scope.runAs);
  if (items.length === 0) return { scope, items, hash, approved: true };
  const row = ctx.sqlite
    .prepare('SELECT 1 FROM plan_approvals WHERE deployment_id = ? AND scope = ? AND scope_key = ? AND hash = ?')
    .get(scope.deploymentId, scope.scope, scope.key, hash);
  return { scope, items, hash, approved: row !== undefined };
}

export function toPending(state: ApprovalState): PendingApproval {
  const { scope } = state;
  return {
    targetId: scope.scope === 'target' ? scope.key : null,
    role: scope.scope === 'role' ? scope.key : null,
    label: scope.label,
    user: scope.runAs.user,
    sudo: scope.runAs.sudo,
    hash: state.hash,
    items: state.items,
  };
}

/**
 * Records the approval of exactly what was shown: the hash must still be the current one (a plan
 * that changed since, or another user or sudo, is refused and has to be looked at again).
 */
export function recordApproval(ctx: ServiceContext, state: ApprovalState, shownHash: string, siteId: string): void {
  if (state.items.length === 0) return;
  if (state.hash !== shownHash) {
    throw new DomainError(
      'conflict',
      `What the plan runs on ${state.scope.label} changed since it was shown: look at the commands again before approving`,
    );
  }
  if (state.approved) return;
  const at = ctx.clock.now();
  ctx.sqlite
    .prepare(
      'INSERT INTO plan_approvals (id, deployment_id, scope, scope_key, hash, run_as, items, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      ctx.newId(),
      state.scope.deploymentId,
      state.scope.scope,
      state.scope.key,
      state.hash,
      describeRunAs(state.scope.runAs),
      JSON.stringify(state.items),
      ctx.actor(),
      at,
    );
  recordActivity(
    ctx,
    {
      action: 'checks.commands_approved',
      entity: 'deployment',
      entityId: state.scope.deploymentId,
      siteId,
      detail: {
        machine: state.scope.label,
        runAs: describeRunAs(state.scope.runAs),
        hash: state.hash,
        commands: state.items.filter((i) => i.kind === 'command').length,
        files: state.items.filter((i) => i.kind === 'file').length,
      },
    },
    at,
  );
}
