import { asc, eq } from 'drizzle-orm';
import type { ScheduledSite, ScheduledWave } from '../../shared/logic/schedule-checks';
import { deployments, sites, waves } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

/** A site as the schedule checks see it, with its wave's name for the views. */
export interface ScheduleSiteRow extends ScheduledSite {
  waveName: string | null;
}

/**
 * Every site on this device, across deployments: overlaps are checked against all of them, and
 * My schedule looks through all of them. Columns named one by one: the schedule needs no more.
 */
export function loadScheduleSites(ctx: ServiceContext): ScheduleSiteRow[] {
  return ctx.db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      deploymentId: sites.deploymentId,
      deploymentName: deployments.name,
      waveId: sites.waveId,
      waveName: waves.name,
      timeZone: sites.timeZone,
      windowStart: sites.windowStart,
      windowEnd: sites.windowEnd,
      technicians: sites.technicians,
      ownerName: sites.ownerName,
      ownerEmail: sites.ownerEmail,
      ownerPhone: sites.ownerPhone,
      status: sites.status,
    })
    .from(sites)
    .leftJoin(deployments, eq(deployments.id, sites.deploymentId))
    .leftJoin(waves, eq(waves.id, sites.waveId))
    .orderBy(asc(sites.code))
    .all()
    .map((r) => ({ ...r, deploymentName: r.deploymentName ?? '(plan not on this device)' }));
}

export function loadScheduleWaves(
  ctx: ServiceContext,
  deploymentId?: string,
): (ScheduledWave & { deploymentId: string; sequence: number })[] {
  const query = ctx.db
    .select({
      id: waves.id,
      name: waves.name,
      startsAt: waves.startsAt,
      endsAt: waves.endsAt,
      deploymentId: waves.deploymentId,
      sequence: waves.sequence,
    })
    .from(waves);
  return (deploymentId ? query.where(eq(waves.deploymentId, deploymentId)) : query).orderBy(asc(waves.sequence)).all();
}
