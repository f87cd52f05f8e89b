import { eq } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { checklistItems } from '../db/schema';
import { created, recordActivity, type ServiceContext } from '../services/service-context';
import { insertSiteItem } from '../services/checklist-instantiation';
import { requireSite } from '../services/site-service';

import { templateItemsOf } from './template-items';

/**
 * `checklistTemplate.applyToSite`: copies template items the site's checklist lacks, at the end of
 * their phase. Existing items (their state, notes and evidence) are left exactly as they are.
 */
export function applyTemplateToSite(
  ctx: ServiceContext,
  { siteId }: ApiParsedInput<'checklistTemplate.applyToSite'>,
): ApiOutput<'checklistTemplate.applyToSite'> {
  const site = requireSite(ctx, siteId);
  const existing = ctx.db.select().from(checklistItems).where(eq(checklistItems.siteId, siteId)).all();
  const siteItemByTemplate = new Map(existing.filter((i) => i.templateItemId).map((i) => [i.templateItemId!, i.id]));
  const missing = templateItemsOf(ctx, site.deploymentId).filter((t) => !siteItemByTemplate.has(t.id));
  if (missing.length === 0) return { added: 0 };
  for (const t of missing) siteItemByTemplate.set(t.id, ctx.newId());
  const lastPosition = new Map<string, number>();
  for (const i of existing) lastPosition.set(i.phase, Math.max(lastPosition.get(i.phase) ?? 0, i.position));
  const audit = created(ctx);
  for (const t of missing) {
    const position = (lastPosition.get(t.phase) ?? 0) + 1;
    lastPosition.set(t.phase, position);
    insertSiteItem(ctx, { template: t, siteId, id: siteItemByTemplate.get(t.id)!, position, siteItemIdOf: siteItemByTemplate, audit });
  }
  recordActivity(ctx, { action: 'template_applied', entity: 'site', entityId: siteId, siteId, detail: { added: missing.length } });
  return { added: missing.length };
}
