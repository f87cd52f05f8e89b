import { describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../time/wall-time';
import { scheduleWarnings, type ScheduledSite, type ScheduledWave } from './schedule-checks';

const AMS = 'Europe/Amsterdam';
const NYC = 'America/New_York';
const RILEY = { id: '6f1c1f0e-8a4b-4c53-9a50-0c2b5d1f0a01', name: 'Riley Field' };

function at(wall: string, zone: string): string {
  const iso = wallTimeToIso(wall, zone);
  if (!iso) throw new Error(`bad wall time ${wall}`);
  return iso;
}

function site(over: Partial<ScheduledSite> & Pick<ScheduledSite, 'id' | 'code'>): ScheduledSite {
  return {
    name: `Store ${over.code}`,
    deploymentId: 'dep-a',
    deploymentName: 'Rollout A',
    waveId: null,
    timeZone: AMS,
    windowStart: at('2026-06-10T08:00', AMS),
    windowEnd: at('2026-06-10T12:00', AMS),
    technicians: [RILEY],
    ownerName: 'Olive Owner',
    ownerEmail: 'olive@example.com',
    ownerPhone: '',
    status: 'planned',
    ...over,
  };
}

const kinds = (sites: ScheduledSite[], waves: ScheduledWave[] = [], only?: ReadonlySet<string>) =>
  scheduleWarnings(sites, waves, only).map((w) => `${w.siteCode}:${w.kind}`);

describe('schedule checks: technician overlap', () => {
  it('warns on both sites when one technician is on overlapping windows across deployments, naming sites, deployments and technician', () => {
    const a = site({ id: 'a', code: 'AMS-001' });
    const b = site({
      id: 'b',
      code: 'UTR-002',
      deploymentId: 'dep-b',
      deploymentName: 'Rollout B',
      windowStart: at('2026-06-10T11:00', AMS),
      windowEnd: at('2026-06-10T15:00', AMS),
    });
    const warnings = scheduleWarnings([a, b], []);
    expect(warnings.map((w) => [w.kind, w.siteId, w.otherSiteId, w.deploymentId])).toEqual([
      ['technician_overlap', 'a', 'b', 'dep-a'],
      ['technician_overlap', 'b', 'a', 'dep-b'],
    ]);
    const message = warnings[0]!.message;
    for (const part of [
      'Riley Field',
      'AMS-001',
      'UTR-002',
      'Rollout A',
      'Rollout B',
      '2026-06-10 08:00 +02:00',
      '2026-06-10 11:00 +02:00',
    ])
      expect(message).toContain(part);
  });

  it('does not count touching windows (end == start) as an overlap', () => {
    const a = site({ id: 'a', code: 'A-1' });
    const b = site({ id: 'b', code: 'A-2', windowStart: at('2026-06-10T12:00', AMS), windowEnd: at('2026-06-10T16:00', AMS) });
    expect(kinds([a, b])).toEqual([]);
  });

  it('matches a user by id whatever the display name, and name-only entries by name', () => {
    const a = site({ id: 'a', code: 'A-1', technicians: [RILEY, { id: null, name: 'Sam' }] });
    const renamed = site({ id: 'b', code: 'A-2', technicians: [{ id: RILEY.id, name: 'R. Field' }] });
    const sam = site({ id: 'c', code: 'A-3', technicians: [{ id: null, name: 'sam ' }] });
    const other = site({ id: 'd', code: 'A-4', technicians: [{ id: '0b7a3f0e-8a4b-4c53-9a50-0c2b5d1f0a02', name: 'Riley Field' }] });
    const pairs = scheduleWarnings([a, renamed, sam, other], []).map((w) => `${w.siteCode}>${w.otherSiteId}`);
    expect(pairs.sort()).toEqual(['A-1>b', 'A-1>c', 'A-2>a', 'A-3>a']);
  });

  it('compares windows in different zones by their instants', () => {
    // 14:00-16:00 in Amsterdam is 08:00-10:00 in New York.
    const ams = site({ id: 'a', code: 'AMS-1', windowStart: at('2026-06-10T14:00', AMS), windowEnd: at('2026-06-10T16:00', AMS) });
    const nyc = site({
      id: 'n',
      code: 'NYC-1',
      timeZone: NYC,
      windowStart: at('2026-06-10T09:00', NYC),
      windowEnd: at('2026-06-10T11:00', NYC),
    });
    const later = site({
      id: 'm',
      code: 'NYC-2',
      timeZone: NYC,
      windowStart: at('2026-06-10T10:00', NYC),
      windowEnd: at('2026-06-10T11:00', NYC),
    });
    expect(kinds([ams, nyc, later])).toEqual(
      ['AMS-1:technician_overlap', 'NYC-1:technician_overlap', 'NYC-1:technician_overlap', 'NYC-2:technician_overlap'].sort(),
    );
  });

  it('finds a long window overlapping several short ones, and ignores settled sites', () => {
    const long = site({ id: 'l', code: 'L', windowStart: at('2026-06-10T00:00', AMS), windowEnd: at('2026-06-11T00:00', AMS) });
    const s1 = site({ id: 's1', code: 'S1', windowStart: at('2026-06-10T01:00', AMS), windowEnd: at('2026-06-10T02:00', AMS) });
    const s2 = site({ id: 's2', code: 'S2', windowStart: at('2026-06-10T03:00', AMS), windowEnd: at('2026-06-10T04:00', AMS) });
    const done = site({
      id: 'd',
      code: 'D',
      status: 'signed_off',
      windowStart: at('2026-06-10T05:00', AMS),
      windowEnd: at('2026-06-10T06:00', AMS),
    });
    const warnings = scheduleWarnings([s2, done, long, s1], []);
    expect(
      warnings
        .filter((w) => w.siteId === 'l')
        .map((w) => w.otherSiteId)
        .sort(),
    ).toEqual(['s1', 's2']);
    expect(warnings.some((w) => w.siteId === 'd' || w.otherSiteId === 'd')).toBe(false);
  });

  it('limits warnings to `only`, while the other sites still count', () => {
    const a = site({ id: 'a', code: 'A-1', ownerName: '' });
    const b = site({ id: 'b', code: 'B-1', deploymentId: 'dep-b', deploymentName: 'Rollout B', ownerName: '' });
    expect(kinds([a, b], [], new Set(['a']))).toEqual(['A-1:technician_overlap', 'A-1:no_owner_contact']);
  });
});

describe('schedule checks: wave span', () => {
  const wave: ScheduledWave = { id: 'w1', name: 'Wave 1', startsAt: at('2026-06-08T00:00', AMS), endsAt: at('2026-06-13T00:00', AMS) };

  it('warns when the window starts before or ends after its wave, not when inside', () => {
    const inside = site({ id: 'i', code: 'IN', waveId: 'w1' });
    const early = site({
      id: 'e',
      code: 'EARLY',
      waveId: 'w1',
      windowStart: at('2026-06-07T22:00', AMS),
      windowEnd: at('2026-06-08T02:00', AMS),
    });
    const late = site({
      id: 'l',
      code: 'LATE',
      waveId: 'w1',
      windowStart: at('2026-06-14T08:00', AMS),
      windowEnd: at('2026-06-14T10:00', AMS),
      technicians: [{ id: null, name: 'Other' }],
    });
    const warnings = scheduleWarnings([inside, early, late], [wave]);
    expect(warnings.map((w) => `${w.siteCode}:${w.kind}`)).toEqual(['EARLY:outside_wave', 'LATE:outside_wave']);
    expect(warnings[0]!.message).toContain('before the span of wave Wave 1');
    expect(warnings[1]!.message).toContain('after the span of wave Wave 1');
    expect(warnings[1]!.message).toContain('2026-06-14 08:00 +02:00');
  });

  it('checks only the ends a wave has, and ignores sites without a wave', () => {
    const open: ScheduledWave = { id: 'w2', name: 'Open', startsAt: at('2026-06-01T00:00', AMS), endsAt: null };
    const s = site({ id: 's', code: 'S', waveId: 'w2' });
    const none = site({ id: 'n', code: 'N', waveId: null, technicians: [] });
    expect(kinds([s, none], [open])).toEqual(['N:no_technician']);
  });
});

describe('schedule checks: DST', () => {
  it('Europe/Amsterdam spring change: both offsets and the change in site time', () => {
    const s = site({ id: 's', code: 'AMS-DST', windowStart: at('2026-03-29T01:00', AMS), windowEnd: at('2026-03-29T05:00', AMS) });
    const [w] = scheduleWarnings([s], []);
    expect(w?.kind).toBe('crosses_dst');
    expect(w?.message).toContain('+01:00 → +02:00');
    expect(w?.message).toContain('at 2026-03-29 02:00 site time (clocks go to 03:00)');
  });

  it('Europe/Amsterdam autumn change', () => {
    const s = site({ id: 's', code: 'AMS-DST', windowStart: at('2026-10-24T22:00', AMS), windowEnd: at('2026-10-25T06:00', AMS) });
    const [w] = scheduleWarnings([s], []);
    expect(w?.message).toContain('+02:00 → +01:00 at 2026-10-25 03:00 site time (clocks go to 02:00)');
  });

  it('America/New_York spring and autumn changes', () => {
    const spring = site({
      id: 's',
      code: 'NYC-S',
      timeZone: NYC,
      windowStart: at('2026-03-08T00:00', NYC),
      windowEnd: at('2026-03-08T06:00', NYC),
    });
    const autumn = site({
      id: 'a',
      code: 'NYC-A',
      timeZone: NYC,
      windowStart: at('2026-10-31T20:00', NYC),
      windowEnd: at('2026-11-01T04:00', NYC),
      technicians: [{ id: null, name: 'Other' }],
    });
    const byCode = new Map(scheduleWarnings([spring, autumn], []).map((w) => [w.siteCode, w.message]));
    expect(byCode.get('NYC-S')).toContain('-05:00 → -04:00 at 2026-03-08 02:00 site time (clocks go to 03:00)');
    expect(byCode.get('NYC-A')).toContain('-04:00 → -05:00 at 2026-11-01 02:00 site time (clocks go to 01:00)');
  });

  it('no warning for a window on a normal day, nor for one in a zone without DST', () => {
    const normal = site({ id: 'n', code: 'N' });
    const utc = site({
      id: 'u',
      code: 'U',
      timeZone: 'UTC',
      windowStart: '2026-03-29T00:00:00.000Z',
      windowEnd: '2026-03-29T05:00:00.000Z',
      technicians: [{ id: null, name: 'Other' }],
    });
    expect(kinds([normal, utc])).toEqual([]);
  });
});

describe('schedule checks: people', () => {
  it('a site with no technician', () => {
    expect(kinds([site({ id: 's', code: 'S', technicians: [] })])).toEqual(['S:no_technician']);
  });

  it('a site with no owner contact: no name, or neither e-mail nor phone', () => {
    const noName = site({ id: 'a', code: 'A', ownerName: ' ' });
    const noWay = site({ id: 'b', code: 'B', ownerEmail: '', ownerPhone: '', technicians: [] });
    const phoneOnly = site({ id: 'c', code: 'C', ownerEmail: '', ownerPhone: '+31 20 555 0100', technicians: [{ id: null, name: 'X' }] });
    const warnings = scheduleWarnings([noName, noWay, phoneOnly], []);
    expect(warnings.map((w) => `${w.siteCode}:${w.kind}`)).toEqual(['A:no_owner_contact', 'B:no_technician', 'B:no_owner_contact']);
    expect(warnings[0]!.message).toBe('A has no site owner named');
    expect(warnings[2]!.message).toBe('B has no e-mail or phone for its site owner');
  });
});

describe('schedule checks at scale', () => {
  it('runs over 2,000 sites and 100 technicians in two deployments', () => {
    const start = Date.parse('2026-06-01T06:00:00Z');
    const sites: ScheduledSite[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = start + Math.floor(i / 100) * 86_400_000 + (i % 3) * 3_600_000;
      sites.push(
        site({
          id: `s${i}`,
          code: `S-${String(i).padStart(4, '0')}`,
          deploymentId: i % 2 ? 'dep-a' : 'dep-b',
          windowStart: new Date(s).toISOString(),
          windowEnd: new Date(s + 4 * 3_600_000).toISOString(),
          technicians:
            i < 100
              ? [
                  { id: null, name: `Tech ${i % 100}` },
                  { id: null, name: 'Lead' },
                ]
              : [{ id: null, name: `Tech ${i % 100}` }],
        }),
      );
    }
    const warnings = scheduleWarnings(sites, []);
    // Each technician has one site a day; only the lead is on all 100 sites of the first day, whose
    // windows (4 h, starting within 2 h) all overlap: each of them warns about the 99 others.
    expect(warnings.length).toBe(100 * 99);
    expect(new Set(warnings.map((w) => w.kind))).toEqual(new Set(['technician_overlap']));
    const only = scheduleWarnings(sites, [], new Set(sites.slice(100, 110).map((s) => s.id)));
    expect(only).toEqual([]);
  });
});
