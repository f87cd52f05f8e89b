import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { identityMatcher } from '../../shared/logic/my-sites';
import { scheduleWarnings, type ScheduleWarning } from '../../shared/logic/schedule-checks';
import { deploymentExists } from '../services/deployment-service';
import { notFound } from '../services/domain-error';
import { getProfile } from '../services/profile-service';
import type { ServiceContext } from '../services/service-context';
import { readAccount } from '../sync/sync-store';
import { readinessOf } from './readiness-facts';
import { loadScheduleSites, loadScheduleWaves } from './schedule-data';

/** The warnings of one deployment's sites; overlaps are looked for across every deployment on this device. */
export function deploymentScheduleWarnings(ctx: ServiceContext, deploymentId: string): ScheduleWarning[] {
  if (!deploymentExists(ctx, deploymentId)) throw notFound('Deployment', deploymentId);
  const all = loadScheduleSites(ctx);
  const only = new Set(all.filter((s) => s.deploymentId === deploymentId).map((s) => s.id));
  return scheduleWarnings(all, loadScheduleWaves(ctx, deploymentId), only);
}

/** The names this device knows its user by: the profile, and the signed-in account. */
export function myNames(ctx: ServiceContext): string[] {
  const names = [getProfile(ctx.db)?.name, readAccount(ctx.sqlite)?.username, readAccount(ctx.sqlite)?.displayName];
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim()))];
}

const NO_WINDOW = Number.POSITIVE_INFINITY;

/**
 * My schedule: my sites across deployments in window order (no window last), past ones (window
 * ended) left out unless asked for, each with its offline readiness.
 */
export function mySchedule(ctx: ServiceContext, { includePast }: ApiParsedInput<'schedule.mine'>): ApiOutput<'schedule.mine'> {
  const names = myNames(ctx);
  const now = Date.parse(ctx.clock.now());
  const isMine = identityMatcher({ names });
  const mine = loadScheduleSites(ctx).filter((s) => isMine(s.technicians));
  const isPast = (s: { windowEnd: string | null }) => s.windowEnd !== null && Date.parse(s.windowEnd) < now;
  const shown = includePast ? mine : mine.filter((s) => !isPast(s));
  const startOf = (s: { windowStart: string | null }) => (s.windowStart ? Date.parse(s.windowStart) : NO_WINDOW);
  shown.sort((a, b) => startOf(a) - startOf(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const readiness = readinessOf(
    ctx,
    shown.map((s) => s.id),
  );
  return {
    names,
    checkedAt: ctx.clock.now(),
    pastHidden: mine.length - shown.length,
    sites: shown.map((s) => {
      const r = readiness.get(s.id);
      return {
        siteId: s.id,
        code: s.code,
        name: s.name,
        deploymentId: s.deploymentId,
        deploymentName: s.deploymentName,
        waveName: s.waveName,
        timeZone: s.timeZone,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        status: s.status,
        technicians: [...s.technicians],
        machineCount: r?.machineCount ?? 0,
        prepared: r?.prepared ?? false,
        missing: r?.missing ?? [],
      };
    }),
  };
}
