import { describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../time/wall-time';
import {
  downtimeFigures,
  impactMinutes,
  impactTimesHold,
  isOpenOutage,
  outageMinutesWithin,
  type DowntimeSite,
  type ImpactRecord,
} from './downtime';

const BERLIN = 'Europe/Berlin';
const at = (wall: string) => wallTimeToIso(wall, BERLIN)!;

function outage(id: string, siteId: string, start: string, end: string | null, extra: Partial<ImpactRecord> = {}): ImpactRecord {
  return {
    issueId: id,
    siteId,
    number: 1,
    title: `Outage ${id}`,
    impact: 'outage',
    component: 'POS software',
    startedAt: at(start),
    endedAt: end ? at(end) : null,
    usersAffected: 12,
    ...extra,
  };
}

describe('downtime minutes in the site zone', () => {
  it('reads site wall times across midnight and both DST changes as real minutes', () => {
    // Spring forward, 29 Mar 2026: 02:00 CET becomes 03:00 CEST. 23:30 CET (22:30Z) to 03:30 CEST
    // (01:30Z) is 4 hours on the wall clock but 3 hours (180 minutes) of downtime.
    expect(at('2026-03-28T23:30')).toBe('2026-03-28T22:30:00.000Z');
    expect(at('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(impactMinutes(outage('a', 's', '2026-03-28T23:30', '2026-03-29T03:30'), 0)).toBe(180);
    // Fall back, 25 Oct 2026: 03:00 CEST becomes 02:00 CET. 23:45 CEST (21:45Z) to 03:15 CET
    // (02:15Z) is 3 h 30 on the wall clock but 4 h 30 (270 minutes).
    expect(at('2026-10-24T23:45')).toBe('2026-10-24T21:45:00.000Z');
    expect(at('2026-10-25T03:15')).toBe('2026-10-25T02:15:00.000Z');
    expect(impactMinutes(outage('b', 's', '2026-10-24T23:45', '2026-10-25T03:15'), 0)).toBe(270);
  });

  it('counts an open outage up to now, and none before it starts', () => {
    const open = outage('o', 's', '2026-03-28T23:30', null);
    expect(impactMinutes(open, Date.parse('2026-03-29T01:00:00Z'))).toBe(150);
    expect(impactMinutes(open, Date.parse('2026-03-28T20:00:00Z'))).toBe(0);
    expect(isOpenOutage({ impact: 'outage', endedAt: null })).toBe(true);
    expect(isOpenOutage({ impact: 'outage', endedAt: open.startedAt })).toBe(false);
    expect(isOpenOutage({ impact: 'degraded', endedAt: null })).toBe(false);
  });

  it('sums per site and per wave, split around sign-off and the quiet period, with MTTR and the longest outages', () => {
    const sites: DowntimeSite[] = [
      // Signed off 29 Mar 2026 00:00 CET (28 Mar 23:00Z); quiet period 2 days, to 30 Mar 23:00Z.
      { siteId: 's1', code: 'BER-01', waveId: 'w1', signedOffAt: '2026-03-28T23:00:00.000Z' },
      { siteId: 's2', code: 'BER-02', waveId: 'w1', signedOffAt: null },
      { siteId: 's3', code: 'HAM-01', waveId: 'w2', signedOffAt: null },
      { siteId: 's4', code: 'XX-01', waveId: null, signedOffAt: null },
    ];
    const impacts: ImpactRecord[] = [
      // s1: the DST outage, 22:30Z-01:30Z: 30 min before sign-off, 150 min in the quiet period.
      outage('a', 's1', '2026-03-28T23:30', '2026-03-29T03:30'),
      // s1: 31 Mar 00:30 CEST (30 Mar 22:30Z) to 01:30 CEST (23:30Z): 30 min in, 30 after the quiet period.
      outage('b', 's1', '2026-03-31T00:30', '2026-03-31T01:30'),
      // s2: the fall-back outage, 270 minutes, not signed off: all before sign-off.
      outage('c', 's2', '2026-10-24T23:45', '2026-10-25T03:15'),
      // s3: open since 25 Oct 2026 10:00 CET (09:00Z); now is 12:00Z: 180 minutes so far.
      outage('d', 's3', '2026-10-25T10:00', null, { usersAffected: null }),
      // Degraded service is not downtime; "none" counts for nothing.
      { ...outage('e', 's3', '2026-10-25T08:00', '2026-10-25T09:00'), impact: 'degraded' },
      { ...outage('f', 's4', '2026-10-25T08:00', '2026-10-25T09:00'), impact: 'none' },
    ];
    const figures = downtimeFigures({ impacts, sites, quietPeriodDays: 2, now: Date.parse('2026-10-25T12:00:00Z'), longest: 3 });
    expect(figures.outages).toBe(4);
    expect(figures.openOutages).toBe(1);
    // 180 + 60 + 270 + 180 = 690; before: 30 + 270 + 180 = 480; quiet: 150 + 30 = 180; after: 30.
    expect(figures.minutes).toEqual({ total: 690, beforeSignOff: 480, quietPeriod: 180, afterQuietPeriod: 30 });
    expect(figures.degradedMinutes).toBe(60);
    // MTTR over the ended outages: (180 + 60 + 270) / 3 = 170.
    expect(figures.mttrMinutes).toBe(170);
    expect(figures.bySite).toEqual([
      { siteId: 's1', outages: 2, openOutages: 0, total: 240, beforeSignOff: 30, quietPeriod: 180, afterQuietPeriod: 30 },
      { siteId: 's2', outages: 1, openOutages: 0, total: 270, beforeSignOff: 270, quietPeriod: 0, afterQuietPeriod: 0 },
      { siteId: 's3', outages: 1, openOutages: 1, total: 180, beforeSignOff: 180, quietPeriod: 0, afterQuietPeriod: 0 },
      { siteId: 's4', outages: 0, openOutages: 0, total: 0, beforeSignOff: 0, quietPeriod: 0, afterQuietPeriod: 0 },
    ]);
    expect(figures.byWave).toEqual([
      { waveId: 'w1', outages: 3, total: 510, beforeSignOff: 300, quietPeriod: 180, afterQuietPeriod: 30 },
      { waveId: 'w2', outages: 1, total: 180, beforeSignOff: 180, quietPeriod: 0, afterQuietPeriod: 0 },
      { waveId: null, outages: 0, total: 0, beforeSignOff: 0, quietPeriod: 0, afterQuietPeriod: 0 },
    ]);
    // Longest first; of the two 180-minute outages the earlier start comes first.
    expect(figures.longest.map((o) => [o.issueId, o.minutes, o.endedAt === null])).toEqual([
      ['c', 270, false],
      ['a', 180, false],
      ['d', 180, true],
    ]);
  });

  it('sums the outage minutes inside one window (the quiet period of the review), open outages up to now', () => {
    const impacts = [
      outage('a', 's', '2026-03-28T23:30', '2026-03-29T03:30'), // 22:30Z-01:30Z
      outage('b', 's', '2026-03-29T12:00', null), // 10:00Z, open
      { ...outage('c', 's', '2026-03-29T04:00', '2026-03-29T05:00'), impact: 'degraded' as const },
    ];
    // From 29 Mar 00:00Z to 11:00Z: 90 minutes of a, 60 of b; degraded service does not count.
    expect(outageMinutesWithin(impacts, '2026-03-29T00:00:00.000Z', '2026-03-29T11:00:00.000Z', Date.parse('2026-03-29T12:00:00Z'))).toBe(
      150,
    );
    // No end to the window: b counts up to now (12:00Z), 120 minutes.
    expect(outageMinutesWithin(impacts, '2026-03-29T00:00:00.000Z', null, Date.parse('2026-03-29T12:00:00Z'))).toBe(210);
    expect(outageMinutesWithin(impacts, null, null, 0)).toBeNull();
  });

  it('has no MTTR without an ended outage', () => {
    const figures = downtimeFigures({
      impacts: [],
      sites: [{ siteId: 's', code: 'S', waveId: null, signedOffAt: null }],
      quietPeriodDays: 14,
      now: 0,
    });
    expect(figures.mttrMinutes).toBeNull();
    expect(figures.minutes.total).toBe(0);
  });

  it('holds the impact times rule: an outage needs a start, an end comes after it', () => {
    expect(impactTimesHold(null, null, null)).toBe(true);
    expect(impactTimesHold('none', null, null)).toBe(true);
    expect(impactTimesHold('outage', null, null)).toBe(false);
    expect(impactTimesHold('degraded', '2026-03-28T22:30:00.000Z', null)).toBe(true);
    expect(impactTimesHold('outage', '2026-03-28T22:30:00.000Z', '2026-03-28T22:30:00.000Z')).toBe(false);
    expect(impactTimesHold('outage', null, '2026-03-28T22:30:00.000Z')).toBe(false);
    expect(impactTimesHold('outage', '2026-03-28T22:30:00.000Z', '2026-03-29T01:30:00.000Z')).toBe(true);
  });
});
