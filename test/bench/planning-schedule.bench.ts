import type { SiteTechnician } from '../../shared/domain/site-technician';
import { scheduleWarnings, type ScheduledSite, type ScheduledWave } from '../../shared/logic/schedule-checks';
import { percentile, round, timeEach } from './stats';

const SITES = 2000;
const TECHNICIANS = 100;
const RUNS = 15;
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];
const HOUR = 3_600_000;

/** 2,000 sites over 50 days across the spring DST changes, two of 100 technicians each, 10 waves, two deployments. */
function plan(): { sites: ScheduledSite[]; waves: ScheduledWave[] } {
  const base = Date.parse('2027-03-01T06:00:00Z');
  const technicians: SiteTechnician[] = Array.from({ length: TECHNICIANS }, (_, i) => ({ id: null, name: `Technician ${i}` }));
  const waves: ScheduledWave[] = Array.from({ length: 10 }, (_, w) => ({
    id: `w${w}`,
    name: `Wave ${w}`,
    startsAt: new Date(base + w * 5 * 24 * HOUR).toISOString(),
    endsAt: new Date(base + (w + 1) * 5 * 24 * HOUR).toISOString(),
  }));
  const sites = Array.from({ length: SITES }, (_, i): ScheduledSite => {
    const start = base + Math.floor(i / 40) * 24 * HOUR + (i % 4) * 3 * HOUR + (i % 7 === 0 ? 18 * HOUR : 0);
    return {
      id: `s${i}`,
      code: `S-${String(i).padStart(4, '0')}`,
      name: `Store ${i}`,
      deploymentId: i % 2 ? 'dep-a' : 'dep-b',
      deploymentName: i % 2 ? 'Rollout A' : 'Rollout B',
      waveId: `w${Math.floor(i / 200)}`,
      timeZone: ZONES[i % ZONES.length]!,
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 4 * HOUR).toISOString(),
      technicians: i % 50 === 0 ? [] : [technicians[i % TECHNICIANS]!, technicians[(i * 7 + 3) % TECHNICIANS]!],
      ownerName: i % 30 === 0 ? '' : `Owner ${i}`,
      ownerEmail: `owner${i}@example.com`,
      ownerPhone: '',
      status: 'planned',
    };
  });
  return { sites, waves };
}

/**
 * `planning.schedule_warnings_2000_ms`: every schedule warning of 2,000 sites and 100 technicians
 * (median of 15 after one warm-up), and `planning.schedule_warnings_deployment_ms` for one
 * deployment's half with overlaps still counted across both (as `schedule.warnings` asks).
 */
export function benchPlanningSchedule(): Record<string, number> {
  const { sites, waves } = plan();
  const warnings = scheduleWarnings(sites, waves).length;
  const all = timeEach(Array.from({ length: RUNS }), () => scheduleWarnings(sites, waves));
  const only = new Set(sites.filter((s) => s.deploymentId === 'dep-a').map((s) => s.id));
  scheduleWarnings(sites, waves, only);
  const half = timeEach(Array.from({ length: RUNS }), () => scheduleWarnings(sites, waves, only));
  return {
    'planning.schedule_warnings_2000_ms': round(percentile(all, 50)),
    'planning.schedule_warnings_2000_p95_ms': round(percentile(all, 95)),
    'planning.schedule_warnings_deployment_ms': round(percentile(half, 50)),
    'planning.schedule_warnings_2000_count': warnings,
  };
}
