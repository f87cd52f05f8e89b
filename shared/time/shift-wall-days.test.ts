import { describe, expect, it } from 'vitest';
import { shiftWallDays } from './shift-wall-days';

describe('shiftWallDays', () => {
  it('keeps the wall time across the spring change in Amsterdam (23 hours later)', () => {
    // 2026-03-28 09:00 CET (+01:00) → 2026-03-29 09:00 CEST (+02:00)
    expect(shiftWallDays('2026-03-28T08:00:00.000Z', 1, 'Europe/Amsterdam')).toBe('2026-03-29T07:00:00.000Z');
  });
  it('keeps the wall time across the autumn change in New York, backwards too', () => {
    // 2026-11-02 09:00 EST (−05:00) → 2026-10-31 09:00 EDT (−04:00)
    expect(shiftWallDays('2026-11-02T14:00:00.000Z', -2, 'America/New_York')).toBe('2026-10-31T13:00:00.000Z');
  });
  it('crosses months and years and keeps seconds', () => {
    expect(shiftWallDays('2026-12-31T10:15:30.500Z', 1, 'UTC')).toBe('2027-01-01T10:15:30.500Z');
  });
  it('refuses what it cannot read', () => {
    expect(shiftWallDays('not a time', 1, 'UTC')).toBeNull();
    expect(shiftWallDays('2026-01-01T00:00:00Z', 1, 'Not/AZone')).toBeNull();
  });
});
