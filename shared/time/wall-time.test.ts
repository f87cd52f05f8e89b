import { describe, expect, it } from 'vitest';
import { isoToWallTime, wallClockParts, wallTimeToIso } from './wall-time';

/** Site time in and out, at and around DST changes: north and south, whole and half-hour changes. */

const roundTrip = (wall: string, zone: string) => isoToWallTime(wallTimeToIso(wall, zone), zone);

describe('wall time in a named zone', () => {
  it('reads ordinary wall times with the zone offset of that day', () => {
    expect(wallTimeToIso('2026-01-15T08:00', 'Europe/Amsterdam')).toBe('2026-01-15T07:00:00.000Z');
    expect(wallTimeToIso('2026-07-15T08:00', 'Europe/Amsterdam')).toBe('2026-07-15T06:00:00.000Z');
    expect(wallTimeToIso('2026-07-15T08:00', 'Asia/Kolkata')).toBe('2026-07-15T02:30:00.000Z');
    expect(wallTimeToIso('2026-07-15T08:00', 'UTC')).toBe('2026-07-15T08:00:00.000Z');
    expect(isoToWallTime('2026-07-15T06:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-07-15T08:00');
  });

  it('the minutes on either side of a spring change are one minute apart in UTC', () => {
    // Amsterdam, 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z).
    expect(wallTimeToIso('2026-03-29T01:59', 'Europe/Amsterdam')).toBe('2026-03-29T00:59:00.000Z');
    expect(wallTimeToIso('2026-03-29T03:00', 'Europe/Amsterdam')).toBe('2026-03-29T01:00:00.000Z');
    expect(isoToWallTime('2026-03-29T00:59:59.000Z', 'Europe/Amsterdam')).toBe('2026-03-29T01:59');
    expect(isoToWallTime('2026-03-29T01:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-03-29T03:00');
  });

  it('a wall time in a spring gap moves forward by the gap, in every zone alike', () => {
    // The time does not exist; read with the offset before the change it lands past the gap.
    expect(roundTrip('2026-03-29T02:30', 'Europe/Amsterdam')).toBe('2026-03-29T03:30');
    expect(roundTrip('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30');
    expect(wallTimeToIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // Sydney springs forward in October; Lord Howe Island by half an hour (02:00 → 02:30).
    expect(roundTrip('2026-10-04T02:30', 'Australia/Sydney')).toBe('2026-10-04T03:30');
    expect(roundTrip('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('2026-10-04T02:45');
  });

  it('a wall time that occurs twice in autumn is the first of the two', () => {
    // Amsterdam, 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and at 01:30Z.
    expect(wallTimeToIso('2026-10-25T02:30', 'Europe/Amsterdam')).toBe('2026-10-25T00:30:00.000Z');
    expect(isoToWallTime('2026-10-25T00:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
    expect(isoToWallTime('2026-10-25T01:30:00.000Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:30');
    expect(wallTimeToIso('2026-10-25T03:00', 'Europe/Amsterdam')).toBe('2026-10-25T02:00:00.000Z');
    // New York, 2026-11-01: 01:30 EDT (05:30Z) before 01:30 EST (06:30Z).
    expect(wallTimeToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // Lord Howe, 2026-04-05: 02:00 (+11) becomes 01:30 (+10:30); 01:45 first at +11.
    expect(wallTimeToIso('2026-04-05T01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('every wall minute of a change day reads back as itself, outside the gap', () => {
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      for (const day of ['2026-03-29', '2026-03-08', '2026-10-04', '2026-10-25', '2026-11-01', '2026-04-05']) {
        const gapMinutes: string[] = [];
        for (let minute = 0; minute < 24 * 60; minute += 15) {
          const wall = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const back = roundTrip(wall, zone);
          if (back !== wall) gapMinutes.push(wall);
        }
        // Only a spring gap (at most one hour) may fail to read back, and only on a change day.
        expect(gapMinutes.length, `${zone} ${day}: ${gapMinutes.join(', ')}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('refuses what it cannot read', () => {
    expect(wallTimeToIso('', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-03-29 02:30', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-03-29T02:30', 'Mars/Olympus')).toBeNull();
    expect(isoToWallTime(null, 'UTC')).toBe('');
    expect(isoToWallTime('not a time', 'UTC')).toBe('');
    expect(isoToWallTime('2026-03-29T02:30:00Z', 'Mars/Olympus')).toBe('');
  });

  it('gives the clock parts a calendar file writes, seconds included', () => {
    expect(wallClockParts(Date.parse('2026-12-31T23:59:58Z'), 'Pacific/Auckland')).toEqual({
      year: '2027',
      month: '01',
      day: '01',
      hour: '12',
      minute: '59',
      second: '58',
    });
    expect(wallClockParts(Date.parse('2026-06-01T00:00:00Z'), 'UTC').hour).toBe('00');
  });
});
