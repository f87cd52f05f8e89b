import { describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS, RepeatFilter } from './repeat-filter';

function clocked() {
  let t = 1_000;
  const filter = new RepeatFilter(REPEAT_WINDOW_MS, () => t);
  return { filter, advance: (ms: number) => (t += ms) };
}

describe('RepeatFilter', () => {
  it('passes a value once and ignores it while it is seen again within 2 s', () => {
    const { filter, advance } = clocked();
    expect(filter.accept('SN-1')).toBe(true);
    for (let i = 0; i < 30; i++) {
      advance(140); // a label held up for 4 s, read every frame
      expect(filter.accept('SN-1')).toBe(false);
    }
  });

  it('passes it again once it was out of sight for longer than the window', () => {
    const { filter, advance } = clocked();
    expect(filter.accept('SN-1')).toBe(true);
    advance(REPEAT_WINDOW_MS);
    expect(filter.accept('SN-1')).toBe(false); // exactly 2 s later is still the same scan
    advance(REPEAT_WINDOW_MS + 1);
    expect(filter.accept('SN-1')).toBe(true);
  });

  it('keeps values apart', () => {
    const { filter, advance } = clocked();
    expect(filter.accept('SN-1')).toBe(true);
    advance(100);
    expect(filter.accept('SN-2')).toBe(true);
    advance(100);
    expect(filter.accept('SN-1')).toBe(false);
  });

  it('a value picked from a list is not passed again right after', () => {
    const { filter, advance } = clocked();
    filter.note('SN-9');
    advance(500);
    expect(filter.accept('SN-9')).toBe(false);
  });

  it('forgets old values when many were seen, without forgetting recent ones', () => {
    const { filter, advance } = clocked();
    for (let i = 0; i < 300; i++) {
      expect(filter.accept(`OLD-${i}`)).toBe(true);
    }
    advance(REPEAT_WINDOW_MS + 1);
    expect(filter.accept('NEW')).toBe(true);
    expect(filter.accept('NEW')).toBe(false);
    expect(filter.accept('OLD-1')).toBe(true);
  });
});
