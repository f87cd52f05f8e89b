import { describe, expect, it } from 'vitest';
import { createInFlightGuard } from './in-flight';

describe('in-flight guard', () => {
  it('runs an identical task once while it is in flight, and again after it finished', async () => {
    const once = createInFlightGuard();
    let runs = 0;
    let release!: () => void;
    const task = () => new Promise<string>((resolve) => ((runs += 1), (release = () => resolve('done'))));
    const first = once('waves.create {"name":"W"}', task, null);
    const second = once('waves.create {"name":"W"}', task, null);
    const other = once('waves.create {"name":"X"}', () => Promise.resolve('other'), null);
    expect(await second).toBeNull();
    expect(await other).toBe('other');
    release();
    expect(await first).toBe('done');
    expect(runs).toBe(1);
    expect(await once('waves.create {"name":"W"}', () => Promise.resolve('again'), null)).toBe('again');
  });
});
