import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Issue, IssueEvent } from '../../shared/domain/issue';
import { checkEscalation, checkStatusTransition } from '../../shared/logic/issue-rules';
import { issues } from '../db/schema';
import { DomainError } from './domain-error';
import { appendIssueEvent } from './issue-events';
import { requireIssue } from './issue-read';
import { updated, type ServiceContext } from './service-context';

/** Every change: the issue row gets the new state and one event is appended, in the same transaction. */

export function commentIssue(ctx: ServiceContext, { issueId, text, attachments }: ApiParsedInput<'issues.comment'>): IssueEvent {
  const issue = requireIssue(ctx, issueId);
  const at = ctx.clock.now();
  ctx.db.update(issues).set(updated(ctx, at)).where(eq(issues.id, issueId)).run();
  return appendIssueEvent(ctx, issue, { kind: 'commented', text }, at, attachments);
}

export function assignIssue(ctx: ServiceContext, { issueId, assignee }: ApiParsedInput<'issues.assign'>): Issue {
  const issue = requireIssue(ctx, issueId);
  const next = assignee === '' ? null : assignee;
  if (issue.assignee === next) return issue;
  const at = ctx.clock.now();
  const change = { assignee: next, ...updated(ctx, at) };
  ctx.db.update(issues).set(change).where(eq(issues.id, issueId)).run();
  appendIssueEvent(ctx, issue, { kind: 'assigned', assignee: next, text: next === null ? 'Unassigned' : '' }, at);
  return { ...issue, ...change };
}

export function setIssueStatus(ctx: ServiceContext, { issueId, status, reason }: ApiParsedInput<'issues.setStatus'>): Issue {
  const issue = requireIssue(ctx, issueId);
  const verdict = checkStatusTransition(issue.status, status, reason);
  if (!verdict.allowed) throw new DomainError('rule', `Issue #${issue.number}: ${verdict.reason}`);
  const at = ctx.clock.now();
  // Escalating through a status change raises the level by one.
  const escalationLevel = status === 'escalated' ? issue.escalationLevel + 1 : issue.escalationLevel;
  const change = { status, escalationLevel, ...updated(ctx, at) };
  ctx.db.update(issues).set(change).where(eq(issues.id, issueId)).run();
  appendIssueEvent(
    ctx,
    issue,
    {
      kind: verdict.event,
      text: reason,
      fromStatus: issue.status,
      toStatus: status,
      escalationLevel: status === 'escalated' ? escalationLevel : null,
    },
    at,
  );
  return { ...issue, ...change };
}

export function escalateIssue(ctx: ServiceContext, { issueId, level, reason }: ApiParsedInput<'issues.escalate'>): Issue {
  const issue = requireIssue(ctx, issueId);
  const verdict = checkEscalation(issue, level, reason);
  if (!verdict.allowed) throw new DomainError('rule', `Issue #${issue.number}: ${verdict.reason}`);
  const at = ctx.clock.now();
  const change = { status: 'escalated' as const, escalationLevel: level, ...updated(ctx, at) };
  ctx.db.update(issues).set(change).where(eq(issues.id, issueId)).run();
  appendIssueEvent(
    ctx,
    issue,
    { kind: 'escalated', text: reason, fromStatus: issue.status, toStatus: 'escalated', escalationLevel: level },
    at,
  );
  return { ...issue, ...change };
}
