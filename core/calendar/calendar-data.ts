import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { CalendarSiteFacts } from '../../shared/calendar/calendar-event';
import type { SiteStatus } from '../../shared/domain/enums';
import { siteLanguage } from '../../shared/i18n/languages';
import { checklistItems, checklistTemplateItems, checklistTemplates, components, deployments, sites, waves } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

/** A site as the calendars need it; `windowStart`/`windowEnd` null when it has no window yet. */
export interface CalendarSiteRow extends Omit<CalendarSiteFacts, 'windowStart' | 'windowEnd'> {
  windowStart: string | null;
  windowEnd: string | null;
  status: SiteStatus;
}

/** Sites with their deployment, wave, components and owner-prepares items; one query each, not one per site. */
export function loadCalendarSites(ctx: ServiceContext, where: { deploymentId?: string; siteId?: string }): CalendarSiteRow[] {
  const conditions: SQL[] = [];
  if (where.deploymentId) conditions.push(eq(sites.deploymentId, where.deploymentId));
  if (where.siteId) conditions.push(eq(sites.id, where.siteId));
  const rows = ctx.db
    .select({
      siteId: sites.id,
      code: sites.code,
      name: sites.name,
      address: sites.address,
      timeZone: sites.timeZone,
      ownerName: sites.ownerName,
      ownerEmail: sites.ownerEmail,
      ownerPhone: sites.ownerPhone,
      windowStart: sites.windowStart,
      windowEnd: sites.windowEnd,
      technicians: sites.technicians,
      notes: sites.notes,
      language: sites.language,
      status: sites.status,
      waveName: waves.name,
      deploymentId: sites.deploymentId,
      deploymentName: deployments.name,
      deploymentVersion: deployments.version,
      deploymentDescription: deployments.description,
    })
    .from(sites)
    .innerJoin(deployments, eq(deployments.id, sites.deploymentId))
    .leftJoin(waves, eq(waves.id, sites.waveId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sites.windowStart), asc(sites.code))
    .all();
  if (rows.length === 0) return [];
  const deploymentIds = [...new Set(rows.map((r) => r.deploymentId))];
  const componentsOf = componentLines(ctx, deploymentIds);
  const prepares = ownerPrepares(ctx, deploymentIds, where.siteId);
  return rows.map((r) => ({
    ...r,
    language: siteLanguage(r),
    components: componentsOf.get(r.deploymentId) ?? [],
    ownerPrepares:
      prepares.bySite.get(r.siteId) ?? (prepares.instantiated.has(r.siteId) ? [] : (prepares.byDeployment.get(r.deploymentId) ?? [])),
  }));
}

function componentLines(ctx: ServiceContext, deploymentIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = ctx.db.select().from(components).where(inArray(components.deploymentId, deploymentIds)).orderBy(asc(components.name)).all();
  for (const c of rows) {
    const details = [
      c.kind,
      c.targetVersion ? `version ${c.targetVersion}` : null,
      [c.manufacturer, c.model].filter(Boolean).join(' ') || null,
    ].filter(Boolean);
    const list = out.get(c.deploymentId) ?? [];
    list.push(`${c.name} (${details.join(', ')})`);
    out.set(c.deploymentId, list);
  }
  return out;
}

/**
 * The "before" items the owner prepares: a site's own checklist copy when it has one (its items
 * may have been edited there), otherwise the deployment's template.
 */
function ownerPrepares(ctx: ServiceContext, deploymentIds: string[], siteId: string | undefined) {
  const bySite = new Map<string, string[]>();
  const siteRows = ctx.db
    .select({ siteId: checklistItems.siteId, title: checklistItems.title })
    .from(checklistItems)
    .innerJoin(checklistTemplateItems, eq(checklistTemplateItems.id, checklistItems.templateItemId))
    .innerJoin(sites, eq(sites.id, checklistItems.siteId))
    .where(
      and(
        inArray(sites.deploymentId, deploymentIds),
        eq(checklistItems.phase, 'before'),
        eq(checklistTemplateItems.ownerPrepares, true),
        siteId ? eq(checklistItems.siteId, siteId) : undefined,
      ),
    )
    .orderBy(asc(checklistItems.position))
    .all();
  for (const r of siteRows) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r.title]);
  const instantiated = new Set(
    ctx.db
      .selectDistinct({ siteId: checklistItems.siteId })
      .from(checklistItems)
      .innerJoin(sites, eq(sites.id, checklistItems.siteId))
      .where(and(inArray(sites.deploymentId, deploymentIds), siteId ? eq(checklistItems.siteId, siteId) : undefined))
      .all()
      .map((r) => r.siteId),
  );
  const byDeployment = new Map<string, string[]>();
  const templateRows = ctx.db
    .select({ deploymentId: checklistTemplates.deploymentId, title: checklistTemplateItems.title })
    .from(checklistTemplateItems)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateItems.templateId))
    .where(
      and(
        inArray(checklistTemplates.deploymentId, deploymentIds),
        eq(checklistTemplateItems.phase, 'before'),
        eq(checklistTemplateItems.ownerPrepares, true),
      ),
    )
    .orderBy(asc(checklistTemplateItems.position))
    .all();
  for (const r of templateRows) byDeployment.set(r.deploymentId, [...(byDeployment.get(r.deploymentId) ?? []), r.title]);
  return { bySite, instantiated, byDeployment };
}
