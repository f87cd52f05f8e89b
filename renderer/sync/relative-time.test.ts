import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.parse('2026-11-24T10:00:00Z');

describe('relativeTime', () => {
  it('says just now for the last few seconds and for clocks slightly ahead', () => {
    expect(relativeTime('2026-11-24T09:59:30Z', NOW)).toBe('just now');
    expect(relativeTime('2026-11-24T10:00:05Z', NOW)).toBe('just now');
  });
  it('counts minutes, hours and days', () => {
    expect(relativeTime('2026-11-24T09:58:00Z', NOW)).toBe('2 min ago');
    expect(relativeTime('2026-11-24T07:00:00Z', NOW)).toBe('3 h ago');
    expect(relativeTime('2026-11-23T09:00:00Z', NOW)).toBe('1 day ago');
    expect(relativeTime('2026-11-20T10:00:00Z', NOW)).toBe('4 days ago');
  });
  it('returns an unreadable value unchanged', () => {
    expect(relativeTime('yesterday', NOW)).toBe('yesterday');
  });
});
