import { describe, expect, it } from 'vitest';
import { formatInstant, viewerTimeHint } from './format-time';

const at = '2026-11-24T15:55:00.000Z';

describe('formatInstant: every time says its zone', () => {
  it('shows the moment in the given zone, with the zone named', () => {
    expect(formatInstant(at, 'Europe/Amsterdam', 'dateTime', 'en-GB')).toBe('24 Nov 2026, 16:55 (Europe/Amsterdam)');
    expect(formatInstant(at, 'UTC', 'dateTime', 'en-GB')).toBe('24 Nov 2026, 15:55 (UTC)');
    expect(formatInstant(at, 'America/New_York', 'time', 'en-US')).toBe('10:55 AM (America/New_York)');
  });
  it('falls back to UTC (named) for an unknown zone, and says "—" when there is no time', () => {
    expect(formatInstant(at, 'Mars/Olympus', 'dateTime', 'en-GB')).toBe('24 Nov 2026, 15:55 (UTC)');
    expect(formatInstant(null, 'UTC')).toBe('—');
    expect(formatInstant('not a time', 'UTC')).toBe('not a time');
  });
  it('offers the viewer their own zone on hover when it differs', () => {
    expect(viewerTimeHint(at, 'Europe/Amsterdam', 'Asia/Jerusalem', 'en-GB')).toBe('Your time: 24 Nov 2026, 17:55 (Asia/Jerusalem)');
    expect(viewerTimeHint(at, 'Europe/Amsterdam', 'Europe/Amsterdam', 'en-GB')).toBeNull();
  });
});
