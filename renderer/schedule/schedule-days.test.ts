import { describe, expect, it } from 'vitest';
import type { MyScheduleSite } from '../../shared/contract/schedule-methods';
import { groupByDay } from './schedule-days';

const site = (code: string, windowStart: string | null): MyScheduleSite => ({
  siteId: code,
  code,
  name: code,
  deploymentId: 'd',
  deploymentName: 'D',
  waveName: null,
  timeZone: 'Europe/Amsterdam',
  windowStart,
  windowEnd: null,
  status: 'planned',
  technicians: [],
  machineCount: 0,
  prepared: true,
  missing: [],
});

describe('My schedule days', () => {
  it("groups by the day in the viewer's zone, days in order, unscheduled last", () => {
    // 02:00 UTC on 30 March is still 29 March in New York, already 30 March in Amsterdam.
    const sites = [
      site('A', '2026-03-29T20:00:00Z'),
      site('B', '2026-03-30T02:00:00Z'),
      site('C', '2026-03-30T14:00:00Z'),
      site('N', null),
    ];
    expect(groupByDay(sites, 'America/New_York', 'en-US').map((d) => [d.key, d.label, d.sites.map((s) => s.code)])).toEqual([
      ['2026-03-29', 'Sunday, March 29, 2026', ['A', 'B']],
      ['2026-03-30', 'Monday, March 30, 2026', ['C']],
      ['', 'Not scheduled', ['N']],
    ]);
    expect(groupByDay(sites, 'Europe/Amsterdam', 'en-US').map((d) => d.sites.map((s) => s.code))).toEqual([['A'], ['B', 'C'], ['N']]);
  });
});
