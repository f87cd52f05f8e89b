import { eq } from 'drizzle-orm';
import { scheduleWarnings, type ScheduleWarning } from '../../shared/logic/schedule-checks';
import { deployments, waves } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { loadScheduleSites, loadScheduleWaves, type ScheduleSiteRow } from './schedule-data';

/** What the printed schedule of one wave shows, read at once. */
export interface WaveSchedule {
  deploymentName: string;
  waveName: string;
  startsAt: string | null;
  endsAt: string | null;
  generatedAt: string;
  /** By window start; sites without a window last. */
  sites: ScheduleSiteRow[];
  warnings: ScheduleWarning[];
}

const startOf = (s: ScheduleSiteRow) => (s.windowStart ? Date.parse(s.windowStart) : Number.POSITIVE_INFINITY);

export function buildWaveSchedule(ctx: ServiceContext, waveId: string): WaveSchedule {
  const wave = ctx.db.select().from(waves).where(eq(waves.id, waveId)).get();
  if (!wave) throw notFound('Wave', waveId);
  const all = loadScheduleSites(ctx);
  const mine = all
    .filter((s) => s.waveId === waveId)
    .sort((a, b) => startOf(a) - startOf(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const deploymentName =
    mine[0]?.deploymentName ??
    ctx.db.select({ name: deployments.name }).from(deployments).where(eq(deployments.id, wave.deploymentId)).get()?.name ??
    '';
  const warnings = scheduleWarnings(all, loadScheduleWaves(ctx, wave.deploymentId), new Set(mine.map((s) => s.id)));
  return {
    deploymentName,
    waveName: wave.name,
    startsAt: wave.startsAt,
    endsAt: wave.endsAt,
    generatedAt: ctx.clock.now(),
    sites: mine,
    warnings,
  };
}

export function waveScheduleFileName(s: WaveSchedule): string {
  return `${`schedule-${s.deploymentName}-${s.waveName}-${s.generatedAt.slice(0, 10)}`.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
}
