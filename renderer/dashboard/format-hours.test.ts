import { describe, expect, it } from 'vitest';
import { formatHours } from './format-hours';

const minSec = (m: number, s: number) => (m * 60 + s) / 3600;

describe('formatHours', () => {
  it('shows seconds under ten minutes', () => {
    expect(formatHours(minSec(7, 53))).toBe('7 min 53 s');
    expect(formatHours(minSec(0, 42))).toBe('42 s');
    expect(formatHours(minSec(5, 0))).toBe('5 min');
  });
  it('rounds minutes half up from ten minutes on', () => {
    expect(formatHours(minSec(12, 30))).toBe('13 min');
    expect(formatHours(minSec(12, 29))).toBe('12 min');
    expect(formatHours(minSec(59, 29))).toBe('59 min');
  });
  it('keeps hours and days', () => {
    expect(formatHours(6.5)).toBe('6.5 h');
    expect(formatHours(76.8)).toBe('3.2 d');
    expect(formatHours(null)).toBe('—');
  });
});
