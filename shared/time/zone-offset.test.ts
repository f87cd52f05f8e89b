import { describe, expect, it } from 'vitest';
import { formatOffset, offsetChangeWithin, offsetMinutesAt, siteWindowText } from './zone-offset';

describe('zone offsets', () => {
  it('offsets of named zones, half hours included, unknown zones as UTC', () => {
    expect(offsetMinutesAt(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(60);
    expect(offsetMinutesAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutesAt(Date.parse('2026-07-15T12:00:00Z'), 'Mars/Olympus')).toBe(0);
    expect([60, -240, 330, 0, -570].map(formatOffset)).toEqual(['+01:00', '-04:00', '+05:30', '+00:00', '-09:30']);
  });

  it('the offset right at and around a change', () => {
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(offsetMinutesAt(change - 1000, 'Europe/Amsterdam')).toBe(60);
    expect(offsetMinutesAt(change, 'Europe/Amsterdam')).toBe(120);
    expect(offsetChangeWithin(change - 3600_000, change + 3600_000, 'Europe/Amsterdam')).toEqual({
      atMs: change,
      fromMinutes: 60,
      toMinutes: 120,
    });
    expect(offsetChangeWithin(change + 1000, change + 7200_000, 'Europe/Amsterdam')).toBeNull();
  });

  it('a window as printed: one day, across days, across a change, open ends', () => {
    expect(siteWindowText('2026-06-10T06:00:00Z', '2026-06-10T10:00:00Z', 'Europe/Amsterdam')).toBe('2026-06-10 08:00–12:00 +02:00');
    expect(siteWindowText('2026-06-10T20:00:00Z', '2026-06-11T02:00:00Z', 'Europe/Amsterdam')).toBe(
      '2026-06-10 22:00 – 2026-06-11 04:00 +02:00',
    );
    expect(siteWindowText('2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z', 'Europe/Amsterdam')).toBe(
      '2026-03-29 01:00 +01:00 – 2026-03-29 05:00 +02:00',
    );
    expect(siteWindowText('2026-06-10T06:00:00Z', null, 'UTC')).toBe('from 2026-06-10 06:00 +00:00');
    expect(siteWindowText(null, null, 'UTC')).toBe('not scheduled');
  });
});
