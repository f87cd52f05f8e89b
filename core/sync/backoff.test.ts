import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoff with full jitter', () => {
  it('grows exponentially up to the cap, anywhere between (almost) 0 and the ceiling', () => {
    expect(backoffDelayMs(1, 2_000, 300_000, () => 0.999)).toBe(1_998);
    expect(backoffDelayMs(3, 2_000, 300_000, () => 0.999)).toBe(7_992);
    expect(backoffDelayMs(30, 2_000, 300_000, () => 0.999)).toBe(299_700);
    expect(backoffDelayMs(1_000, 2_000, 300_000, () => 0.5)).toBe(150_000);
    expect(backoffDelayMs(3, 2_000, 300_000, () => 0)).toBe(250);
  });
});
