import { describe, expect, it } from 'vitest';
import { isValidTimeZone, knownTimeZones, runtimeTimeZone, zoneOrUtc } from './time-zone';

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('UTCJerusalem')).toBe(false);
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(zoneOrUtc('Asia/Jerusalem')).toBe('Asia/Jerusalem');
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc(null)).toBe('UTC');
  });
  it('names the runtime zone and lists the known ones, each of them valid', () => {
    expect(isValidTimeZone(runtimeTimeZone())).toBe(true);
    const zones = knownTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Amsterdam');
    expect(zones.every(isValidTimeZone)).toBe(true);
  });
});
