import { describe, expect, it } from 'vitest';
import { adherenceOf } from '../../shared/logic/schedule-adherence';
import { durationFigures, earliest, passRate } from './dashboard-math';

const window = { windowStart: '2026-11-10T20:00:00.000Z', windowEnd: '2026-11-11T04:00:00.000Z' };
const at = (iso: string) => Date.parse(iso);

describe('dashboard math', () => {
  it('places a site against its window', () => {
    expect(adherenceOf({ ...window, signedOffAt: '2026-11-11T03:59:00.000Z' }, at('2026-11-20T00:00:00Z'))).toBe('onTime');
    expect(adherenceOf({ ...window, signedOffAt: '2026-11-11T04:01:00.000Z' }, at('2026-11-20T00:00:00Z'))).toBe('late');
    expect(adherenceOf({ ...window, signedOffAt: null }, at('2026-11-20T00:00:00Z'))).toBe('overdue');
    expect(adherenceOf({ ...window, signedOffAt: null }, at('2026-11-10T22:00:00Z'))).toBe('inWindow');
    expect(adherenceOf({ ...window, signedOffAt: null }, at('2026-11-01T00:00:00Z'))).toBe('upcoming');
    expect(adherenceOf({ windowStart: null, windowEnd: null, signedOffAt: null }, 0)).toBe('noWindow');
  });

  it('counts a site signed before its window opened as early, not on time', () => {
    expect(adherenceOf({ ...window, signedOffAt: '2026-11-03T12:00:00.000Z' }, at('2026-11-20T00:00:00Z'))).toBe('early');
    expect(adherenceOf({ ...window, signedOffAt: '2026-11-10T20:00:00.000Z' }, at('2026-11-20T00:00:00Z'))).toBe('onTime');
    expect(adherenceOf({ windowStart: null, windowEnd: window.windowEnd, signedOffAt: '2026-11-03T12:00:00.000Z' }, 0)).toBe('onTime');
  });

  it('keeps durations to the second (7 min 53 s is not a tenth of an hour)', () => {
    const f = durationFigures([(7 * 60 + 53) / 3600]);
    expect(Math.round(f.medianHours! * 3600)).toBe(473);
  });

  it('gives median, p90 and buckets of durations', () => {
    const f = durationFigures([1, 2, 3, 5, 6, 10, 30, 50, 200, 400]);
    expect(f).toMatchObject({ measured: 10, medianHours: 6, p90Hours: 200 });
    expect(f.buckets.map((b) => b.count)).toEqual([3, 2, 1, 1, 1, 1, 1]);
    expect(durationFigures([])).toMatchObject({ measured: 0, medianHours: null, p90Hours: null });
  });

  it('picks the earliest time and rounds pass rates', () => {
    expect(earliest(null, '2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z')).toBe('2026-11-01T00:00:00Z');
    expect(earliest(null, null)).toBeNull();
    expect(passRate(2, 3)).toBe(66.7);
    expect(passRate(0, 0)).toBeNull();
  });
});
