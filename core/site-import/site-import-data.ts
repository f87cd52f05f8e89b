import { asc, eq } from 'drizzle-orm';
import type { ExistingImportSite, KnownUser, SiteImportWave } from '../../shared/site-import/validate-site-rows';
import { sites, waves } from '../db/schema';
import { deploymentExists } from '../services/deployment-service';
import { notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';

/** What an import of one deployment compares its rows with: its sites and waves as they are now. */
export interface DeploymentPlan {
  sites: ExistingImportSite[];
  waves: SiteImportWave[];
}

export function loadDeploymentPlan(ctx: ServiceContext, deploymentId: string): DeploymentPlan {
  if (!deploymentExists(ctx, deploymentId)) throw notFound('Deployment', deploymentId);
  const siteRows = ctx.db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      address: sites.address,
      timeZone: sites.timeZone,
      waveId: sites.waveId,
      windowStart: sites.windowStart,
      windowEnd: sites.windowEnd,
      ownerName: sites.ownerName,
      ownerEmail: sites.ownerEmail,
      ownerPhone: sites.ownerPhone,
      technicians: sites.technicians,
      notes: sites.notes,
      status: sites.status,
    })
    .from(sites)
    .where(eq(sites.deploymentId, deploymentId))
    .orderBy(asc(sites.code))
    .all();
  const waveRows = ctx.db
    .select({ id: waves.id, name: waves.name, sequence: waves.sequence })
    .from(waves)
    .where(eq(waves.deploymentId, deploymentId))
    .orderBy(asc(waves.sequence))
    .all();
  return { sites: siteRows, waves: waveRows };
}

/**
 * Users this device knows: the server's list when the dialog sent it, and technicians already
 * named by user on any site here (so a re-import keeps them linked even offline).
 */
export function knownUsers(ctx: ServiceContext, fromServer: readonly KnownUser[]): KnownUser[] {
  const linked = new Map<string, KnownUser>();
  for (const list of ctx.db.select({ technicians: sites.technicians }).from(sites).all()) {
    for (const t of list.technicians) if (t.id && !linked.has(t.id)) linked.set(t.id, { id: t.id, username: t.name, displayName: t.name });
  }
  for (const u of fromServer) linked.set(u.id, u);
  return [...linked.values()];
}
