import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { percentile, round } from './stats';

const SITES = 2000;
const RUNS = 7;
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles'];
const HOUR = 3_600_000;

/**
 * `planning.ics_2000_sites_ms`: the per-deployment calendar of 2,000 sites in six zones (one
 * owner-prepares item, two components, two technicians each), through `calendar.deployment` on a
 * real SQLite file: median of 7 exports after the first (nothing changed, so SEQUENCE stays).
 * `planning.ics_2000_sites_first_ms` is the first export, which records 2,000 calendar_events rows.
 * `siteCount` is for a smoke run only; the keys name 2,000.
 */
export async function benchCalendar(siteCount = SITES): Promise<Record<string, number>> {
  const dataDir = tempDataDir('outpost-bench-calendar');
  const core = openTestCore({ dataDir, profile: false });
  try {
    core.call('profile.set', { name: 'Bench Manager', role: 'release_manager' });
    const d = core.call('deployments.create', {
      name: 'Calendar bench',
      version: '1',
      description: 'New tills and printers.',
      quietPeriodDays: 7,
    });
    core.call('components.create', { deploymentId: d.id, name: 'Till software', kind: 'software', targetVersion: '3.1' });
    core.call('components.create', {
      deploymentId: d.id,
      name: 'Receipt printer',
      kind: 'hardware',
      manufacturer: 'Epson',
      model: 'TM-T88VII',
    });
    core.call('checklistTemplate.saveItem', { deploymentId: d.id, phase: 'before', title: 'Clear the back office', ownerPrepares: true });
    core.call('checklistTemplate.saveItem', { deploymentId: d.id, phase: 'before', title: 'Power on racks' });
    const base = Date.parse('2027-03-01T06:00:00Z');
    for (let i = 0; i < siteCount; i += 1) {
      const start = base + Math.floor(i / 40) * 24 * HOUR + (i % 4) * 3 * HOUR;
      core.call('sites.create', {
        deploymentId: d.id,
        code: `S-${String(i).padStart(4, '0')}`,
        name: `Store ${i}`,
        address: `Main Street ${i}`,
        timeZone: ZONES[i % ZONES.length]!,
        windowStart: new Date(start).toISOString(),
        windowEnd: new Date(start + 4 * HOUR).toISOString(),
        technicians: [`Technician ${i % 100}`, `Technician ${(i * 7 + 3) % 100}`],
        ownerName: `Owner ${i}`,
        ownerEmail: `owner${i}@example.com`,
        notes: 'Ring at the side door.',
      });
    }
    const exportOnce = () => {
      const t0 = performance.now();
      const file = core.call('calendar.deployment', { deploymentId: d.id });
      const ms = performance.now() - t0;
      if (file.eventCount !== siteCount) throw new Error(`Expected ${siteCount} events, got ${file.eventCount}`);
      return ms;
    };
    const first = exportOnce();
    const runs = Array.from({ length: RUNS }, exportOnce);
    return {
      'planning.ics_2000_sites_ms': round(percentile(runs, 50)),
      'planning.ics_2000_sites_p95_ms': round(percentile(runs, 95)),
      'planning.ics_2000_sites_first_ms': round(first),
    };
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
