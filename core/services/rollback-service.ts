import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { SiteRollback } from '../../shared/contract/rollback-methods';
import { checkRollback } from '../../shared/logic/issue-rules';
import { issues, siteRollbacks, sites } from '../db/schema';
import { DomainError } from './domain-error';
import { recordActivity, updated, type ServiceContext } from './service-context';
import { requireSite } from './site-service';

/**
 * Marks a site rolled back, keeping the reason and the issues behind it. The site's status is what
 * makes the checklist's rollback phase the active one and what the deployment figures count.
 */
export function rollbackSite(ctx: ServiceContext, { siteId, reason, issueIds }: ApiParsedInput<'sites.rollback'>): SiteRollback {
  const site = requireSite(ctx, siteId);
  const verdict = checkRollback(site.status, reason);
  if (!verdict.allowed) throw new DomainError('rule', verdict.reason);
  const unique = [...new Set(issueIds)];
  if (unique.length > 0) {
    const found = ctx.db
      .select({ id: issues.id })
      .from(issues)
      .where(and(eq(issues.siteId, siteId), inArray(issues.id, unique)))
      .all();
    if (found.length !== unique.length) throw new DomainError('rule', 'Every linked issue must be an issue of this site');
  }
  const at = ctx.clock.now();
  const row: SiteRollback = {
    id: ctx.newId(),
    siteId,
    reason,
    issueIds: unique,
    previousStatus: site.status,
    createdAt: at,
    createdBy: ctx.actor(),
  };
  ctx.db.insert(siteRollbacks).values(row).run();
  ctx.db
    .update(sites)
    .set({ status: 'rolled_back', ...updated(ctx, at) })
    .where(eq(sites.id, siteId))
    .run();
  recordActivity(
    ctx,
    { action: 'rolled_back', entity: 'site', entityId: siteId, siteId, detail: { from: site.status, reason, issueIds: unique } },
    at,
  );
  return row;
}

export function listSiteRollbacks(ctx: ServiceContext, { siteId }: ApiParsedInput<'sites.rollbacks'>): SiteRollback[] {
  requireSite(ctx, siteId);
  return ctx.db
    .select()
    .from(siteRollbacks)
    .where(eq(siteRollbacks.siteId, siteId))
    .orderBy(desc(siteRollbacks.createdAt), desc(siteRollbacks.id))
    .all();
}
