import { and, eq, ne } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Site } from '../../shared/domain/site';
import { uniqueTechnicians } from '../../shared/domain/site-technician';
import { SITE_WINDOW_MESSAGE, spanEndsAfterStart } from '../../shared/domain/time-span';
import { sites, waves } from '../db/schema';
import { DomainError } from '../services/domain-error';
import { recordActivity, updated, type ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { given, invalid } from './author-guard';

/** `sites.update`: every plan field of a site; the code stays unique in its deployment. */
export function updateSite(ctx: ServiceContext, input: ApiParsedInput<'sites.update'>): Site {
  const { siteId, ...rest } = input;
  const current = requireSite(ctx, siteId);
  const patch = given(rest);
  if (patch.technicians) patch.technicians = uniqueTechnicians(patch.technicians);
  const start = patch.windowStart === undefined ? current.windowStart : patch.windowStart;
  const end = patch.windowEnd === undefined ? current.windowEnd : patch.windowEnd;
  if (!spanEndsAfterStart(start, end)) throw invalid('windowEnd', SITE_WINDOW_MESSAGE);
  if (patch.code !== undefined && patch.code !== current.code) {
    const clash = ctx.db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.deploymentId, current.deploymentId), eq(sites.code, patch.code), ne(sites.id, siteId)))
      .get();
    if (clash) throw new DomainError('conflict', `A site with code ${patch.code} already exists in this deployment`);
  }
  if (patch.waveId) {
    const wave = ctx.db.select({ deploymentId: waves.deploymentId }).from(waves).where(eq(waves.id, patch.waveId)).get();
    if (!wave || wave.deploymentId !== current.deploymentId) throw invalid('waveId', 'Choose a wave of this deployment');
  }
  if (Object.keys(patch).length === 0) return current;
  ctx.db
    .update(sites)
    .set({ ...patch, ...updated(ctx) })
    .where(eq(sites.id, siteId))
    .run();
  recordActivity(ctx, { action: 'updated', entity: 'site', entityId: siteId, siteId, detail: { fields: Object.keys(patch) } });
  return requireSite(ctx, siteId);
}
