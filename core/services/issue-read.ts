import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { OPEN_ISSUE_STATUSES, type Issue, type IssueLink } from '../../shared/domain/issue';
import { issueLinks, issues } from '../db/schema';
import { notFound } from './domain-error';
import type { ServiceContext } from './service-context';

type IssueRow = typeof issues.$inferSelect;

function withLinks(ctx: ServiceContext, rows: IssueRow[]): Issue[] {
  if (rows.length === 0) return [];
  const links = new Map<string, IssueLink[]>();
  const all = ctx.db
    .select()
    .from(issueLinks)
    .where(
      inArray(
        issueLinks.issueId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(issueLinks.kind), asc(issueLinks.targetId))
    .all();
  for (const link of all) links.set(link.issueId, [...(links.get(link.issueId) ?? []), { kind: link.kind, id: link.targetId }]);
  return rows.map((r) => ({ ...r, links: links.get(r.id) ?? [] }));
}

function selectIssues(ctx: ServiceContext, where: SQL | undefined): Issue[] {
  return withLinks(ctx, ctx.db.select().from(issues).where(where).orderBy(asc(issues.number)).all());
}

export function requireIssue(ctx: ServiceContext, issueId: string): Issue {
  const [issue] = selectIssues(ctx, eq(issues.id, issueId));
  if (!issue) throw notFound('Issue', issueId);
  return issue;
}

/** Every issue of a site, by number. */
export function listSiteIssues(ctx: ServiceContext, siteId: string): Issue[] {
  return selectIssues(ctx, eq(issues.siteId, siteId));
}

/** The site's issues that block sign-off and are still open (open, in progress or escalated). */
export function openBlockingIssues(ctx: ServiceContext, siteId: string): Issue[] {
  return selectIssues(
    ctx,
    and(eq(issues.siteId, siteId), eq(issues.blocksSignOff, true), inArray(issues.status, [...OPEN_ISSUE_STATUSES])),
  );
}
