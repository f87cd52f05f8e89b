import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { OPEN_ISSUE_STATUSES, type Issue, type IssueLink } from '../../shared/domain/issue';
import { countIssues } from '../../shared/logic/issue-rules';
import { checklistItems, inventoryItems, issueLinks, issues, sites, targetMachines } from '../db/schema';
import { deploymentExists } from './deployment-service';
import { DomainError, notFound } from './domain-error';
import { setIssueStatus } from './issue-changes';
import { appendIssueEvent, listIssueAttachments, listIssueEvents } from './issue-events';
import { listSiteIssues, requireIssue } from './issue-read';
import { created, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

/** What sign-off reads: every issue of a site, and the open ones that block sign-off. */
export { listSiteIssues, openBlockingIssues, requireIssue } from './issue-read';

export function listIssues(ctx: ServiceContext, input: ApiParsedInput<'issues.list'>): ApiOutput<'issues.list'> {
  requireSite(ctx, input.siteId);
  const all = listSiteIssues(ctx, input.siteId);
  const filtered = all.filter(
    (i) =>
      (!input.severity || i.severity === input.severity) &&
      (!input.status || i.status === input.status) &&
      (!input.category || i.category === input.category),
  );
  return { issues: filtered, counts: countIssues(all) };
}

export function getIssue(ctx: ServiceContext, { issueId }: ApiParsedInput<'issues.get'>): ApiOutput<'issues.get'> {
  const issue = requireIssue(ctx, issueId);
  return { issue, events: listIssueEvents(ctx, issueId), attachments: listIssueAttachments(ctx, issueId) };
}

/** A link must name a record of the same site (a check run cannot be looked up yet: any id is kept). */
function checkLink(ctx: ServiceContext, siteId: string, link: IssueLink): void {
  const table = { checklist_item: checklistItems, inventory_item: inventoryItems, target_machine: targetMachines }[link.kind as string];
  if (!table) return;
  const row = ctx.db.select({ siteId: table.siteId }).from(table).where(eq(table.id, link.id)).get();
  if (!row || row.siteId !== siteId)
    throw new DomainError('rule', `The linked ${link.kind.replace('_', ' ')} ${link.id} is not at this site`);
}

export function createIssue(ctx: ServiceContext, input: ApiParsedInput<'issues.create'>): Issue {
  requireSite(ctx, input.siteId);
  const links = [...new Map(input.links.map((l) => [`${l.kind}:${l.id}`, l])).values()];
  for (const link of links) checkLink(ctx, input.siteId, link);
  const at = ctx.clock.now();
  const row = ctx.db
    .insert(issues)
    .values({
      id: ctx.newId(),
      siteId: input.siteId,
      // Allocated inside the insert (and its transaction); UNIQUE (site_id, number) backs it up.
      number: sql`(SELECT coalesce(max(number), 0) + 1 FROM issues WHERE site_id = ${input.siteId})`,
      title: input.title,
      description: input.description,
      severity: input.severity,
      category: input.category,
      status: 'open',
      blocksSignOff: input.blocksSignOff,
      assignee: null,
      escalationLevel: 0,
      ...created(ctx, at),
    })
    .returning()
    .get();
  for (const link of links) ctx.db.insert(issueLinks).values({ issueId: row.id, kind: link.kind, targetId: link.id }).run();
  appendIssueEvent(ctx, row, { kind: 'created', text: input.title, toStatus: 'open' }, at, input.attachments);
  return { ...row, links };
}

/**
 * Used by sign-off when the signer accepts an open blocking issue as an exception: appends an
 * `accepted_exception` event with the reason and sets the status, in the caller's transaction.
 */
export function acceptIssueAsException(ctx: ServiceContext, { issueId, reason }: { issueId: string; reason: string }): Issue {
  return setIssueStatus(ctx, { issueId, status: 'accepted_exception', reason });
}

/** Open and open-blocking counts for every site of a deployment (sites without issues get zeroes). */
export function issueSummary(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'issues.summary'>): ApiOutput<'issues.summary'> {
  if (!deploymentExists(ctx, deploymentId)) throw notFound('Deployment', deploymentId);
  const open = inArray(issues.status, [...OPEN_ISSUE_STATUSES]);
  return ctx.db
    .select({
      siteId: sites.id,
      open: sql<number>`count(${issues.id})`,
      openBlocking: sql<number>`coalesce(sum(${issues.blocksSignOff}), 0)`,
    })
    .from(sites)
    .leftJoin(issues, and(eq(issues.siteId, sites.id), open))
    .where(eq(sites.deploymentId, deploymentId))
    .groupBy(sites.id)
    .orderBy(asc(sites.code))
    .all();
}
