import { and, eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Issue } from '../../shared/domain/issue';
import { IMPACT_TIMES_MESSAGE, impactTimesHold } from '../../shared/logic/downtime';
import { formatInstant } from '../../shared/time/format-time';
import { components, issues } from '../db/schema';
import { DomainError } from './domain-error';
import { appendIssueEvent } from './issue-events';
import { requireIssue } from './issue-read';
import { updated, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

type Impact = Pick<Issue, 'impact' | 'impactComponentId' | 'impactStartedAt' | 'impactEndedAt' | 'impactUsersAffected'>;

const same = (a: Impact, b: Impact) =>
  a.impact === b.impact &&
  a.impactComponentId === b.impactComponentId &&
  a.impactStartedAt === b.impactStartedAt &&
  a.impactEndedAt === b.impactEndedAt &&
  a.impactUsersAffected === b.impactUsersAffected;

/** The history's words for an impact, in the site's zone: "Outage of POS software, 28 Mar 2026, 23:30 (Europe/Berlin) until now; 12 users or tills affected". */
export function describeImpact(impact: Impact, componentName: string | null, zone: string): string {
  if (impact.impact === null) return 'No service impact recorded';
  if (impact.impact === 'none') return 'No service impact';
  const what = `${impact.impact === 'outage' ? 'Outage' : 'Degraded service'}${componentName ? ` of ${componentName}` : ''}`;
  const when = `${formatInstant(impact.impactStartedAt, zone, 'dateTime', 'en-GB')} until ${impact.impactEndedAt ? formatInstant(impact.impactEndedAt, zone, 'dateTime', 'en-GB') : 'now (still going on)'}`;
  const users = impact.impactUsersAffected === null ? '' : `; ${impact.impactUsersAffected} users or tills affected`;
  return `${what}, ${when}${users}`;
}

function componentName(ctx: ServiceContext, deploymentId: string, componentId: string | null): string | null {
  if (componentId === null) return null;
  const row = ctx.db
    .select({ name: components.name })
    .from(components)
    .where(and(eq(components.id, componentId), eq(components.deploymentId, deploymentId)))
    .get();
  return row?.name ?? null;
}

/**
 * `issues.setImpact`: records the issue's service impact (the affected service is one of the
 * deployment's components) and appends an `impact_changed` event with the new impact in words, in
 * the same transaction. "None" clears the service and times. An unchanged impact writes nothing.
 */
export function setIssueImpact(ctx: ServiceContext, input: ApiParsedInput<'issues.setImpact'>): Issue {
  const issue = requireIssue(ctx, input.issueId);
  const site = requireSite(ctx, issue.siteId);
  const none = input.impact === 'none';
  const next: Impact = {
    impact: input.impact,
    impactComponentId: none ? null : input.componentId,
    impactStartedAt: none || input.startedAt === null ? null : new Date(input.startedAt).toISOString(),
    impactEndedAt: none || input.endedAt === null ? null : new Date(input.endedAt).toISOString(),
    impactUsersAffected: none ? null : input.usersAffected,
  };
  if (!impactTimesHold(next.impact, next.impactStartedAt, next.impactEndedAt)) {
    throw new DomainError('validation', IMPACT_TIMES_MESSAGE, [{ path: 'endedAt', message: IMPACT_TIMES_MESSAGE }]);
  }
  const name = componentName(ctx, site.deploymentId, next.impactComponentId);
  if (next.impactComponentId !== null && name === null)
    throw new DomainError('rule', `Component ${next.impactComponentId} is not part of this site's deployment`);
  if (same(issue, next)) return issue;
  const at = ctx.clock.now();
  const change = { ...next, ...updated(ctx, at) };
  ctx.db.update(issues).set(change).where(eq(issues.id, issue.id)).run();
  const before =
    issue.impact === null
      ? ''
      : ` (was: ${describeImpact(issue, componentName(ctx, site.deploymentId, issue.impactComponentId), site.timeZone)})`;
  appendIssueEvent(ctx, issue, { kind: 'impact_changed', text: `${describeImpact(next, name, site.timeZone)}${before}` }, at);
  return { ...issue, ...change };
}
