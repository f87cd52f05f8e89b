import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Site, SiteSummary } from '../../shared/domain/site';
import { uniqueTechnicians } from '../../shared/domain/site-technician';
import { phaseCountsSql } from '../../shared/logic/checklist-progress';
import { SITE_WINDOW_MESSAGE, siteWindowIsValid } from '../../shared/domain/time-span';
import { sites, waves } from '../db/schema';
import { instantiateChecklist } from './checklist-instantiation';
import { deploymentExists } from './deployment-service';
import { DomainError, notFound } from './domain-error';
import { created, recordActivity, updated, type ServiceContext } from './service-context';

const COUNTED = phaseCountsSql('c', '"sites"."status"');

// Correlated subqueries name the outer row as "sites"."id" explicitly (drizzle may leave it bare).
const summaryColumns = {
  site: sites,
  waveName: waves.name,
  checklistDone: sql<number>`(SELECT count(*) FROM checklist_items c WHERE c.site_id = "sites"."id" AND c.state IN ('done','not_applicable') AND ${sql.raw(COUNTED)})`,
  checklistTotal: sql<number>`(SELECT count(*) FROM checklist_items c WHERE c.site_id = "sites"."id" AND ${sql.raw(COUNTED)})`,
  inventoryReceived: sql<number>`coalesce((SELECT received FROM inventory_counts ic WHERE ic.site_id = "sites"."id"), 0)`,
  inventoryTotal: sql<number>`coalesce((SELECT expected FROM inventory_counts ic WHERE ic.site_id = "sites"."id"), 0)`,
  machineCount: sql<number>`(SELECT count(*) FROM target_machines m WHERE m.site_id = "sites"."id")`,
};

function selectSummaries(ctx: ServiceContext, where: SQL): SiteSummary[] {
  return ctx.db
    .select(summaryColumns)
    .from(sites)
    .leftJoin(waves, eq(waves.id, sites.waveId))
    .where(where)
    .orderBy(asc(waves.sequence), asc(sites.code))
    .all()
    .map((r) => ({
      ...r.site,
      waveName: r.waveName,
      checklist: { done: r.checklistDone, total: r.checklistTotal },
      inventory: { done: r.inventoryReceived, total: r.inventoryTotal },
      machineCount: r.machineCount,
    }));
}

export function listSites(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'sites.list'>): SiteSummary[] {
  if (!deploymentExists(ctx, deploymentId)) throw notFound('Deployment', deploymentId);
  return selectSummaries(ctx, eq(sites.deploymentId, deploymentId));
}

export function getSiteSummary(ctx: ServiceContext, { siteId }: ApiParsedInput<'sites.get'>): SiteSummary {
  const [summary] = selectSummaries(ctx, eq(sites.id, siteId));
  if (!summary) throw notFound('Site', siteId);
  return summary;
}

export function requireSite(ctx: ServiceContext, siteId: string): Site {
  const site = ctx.db.select().from(sites).where(eq(sites.id, siteId)).get();
  if (!site) throw notFound('Site', siteId);
  return site;
}

export function createSite(ctx: ServiceContext, input: ApiParsedInput<'sites.create'>): Site {
  if (!deploymentExists(ctx, input.deploymentId)) throw notFound('Deployment', input.deploymentId);
  if (!siteWindowIsValid(input))
    throw new DomainError('validation', SITE_WINDOW_MESSAGE, [{ path: 'windowEnd', message: SITE_WINDOW_MESSAGE }]);
  const clash = ctx.db
    .select({ id: sites.id })
    .from(sites)
    .where(sql`${sites.deploymentId} = ${input.deploymentId} AND ${sites.code} = ${input.code}`)
    .get();
  if (clash) throw new DomainError('conflict', `A site with code ${input.code} already exists in this deployment`);
  const row: Site = { id: ctx.newId(), status: 'planned', ...input, technicians: uniqueTechnicians(input.technicians), ...created(ctx) };
  ctx.db.insert(sites).values(row).run();
  const items = instantiateChecklist(ctx, input.deploymentId, row.id);
  recordActivity(ctx, {
    action: 'created',
    entity: 'site',
    entityId: row.id,
    siteId: row.id,
    detail: { code: row.code, checklistItems: items },
  });
  return row;
}

/** Statuses a person may not set by hand: each needs its own record (a rollback, a signed sheet). */
const RECORDED_STATUSES: Partial<Record<Site['status'], string>> = {
  rolled_back: 'A rollback needs a reason: use "Roll back" (sites.rollback)',
  signed_off: 'A site is signed off by signing its site-complete sheet, not by setting the status',
};

/** `sites.setStatus` from the UI: any status except those that need their own record. */
export function setSiteStatusByHand(ctx: ServiceContext, input: ApiParsedInput<'sites.setStatus'>): Site {
  const refusal = RECORDED_STATUSES[input.status];
  const current = requireSite(ctx, input.siteId);
  if (refusal && current.status !== input.status) throw new DomainError('rule', refusal);
  return setSiteStatus(ctx, input);
}

export function setSiteStatus(ctx: ServiceContext, { siteId, status }: ApiParsedInput<'sites.setStatus'>): Site {
  const site = requireSite(ctx, siteId);
  if (site.status === status) return site;
  ctx.db
    .update(sites)
    .set({ status, ...updated(ctx) })
    .where(eq(sites.id, siteId))
    .run();
  recordActivity(ctx, { action: 'status_changed', entity: 'site', entityId: siteId, siteId, detail: { from: site.status, to: status } });
  return requireSite(ctx, siteId);
}
