import { describe, expect, it } from 'vitest';
import { collectMany, reportProbing } from './collect-many';
import type { CollectOutcome } from './collector-types';

const ok = { ok: true } as unknown as CollectOutcome;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<CollectOutcome>((resolve) => {
    const timer = setTimeout(() => resolve(ok), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve({ ok: false, reason: 'cancelled', message: 'cancelled' });
    });
  });

describe('collectMany', () => {
  it('keeps at most `concurrency` running and reports every phase in order', async () => {
    let running = 0;
    let peak = 0;
    const events: string[] = [];
    const results = await collectMany(
      [1, 2, 3, 4, 5, 6, 7],
      async (n, signal) => {
        running += 1;
        peak = Math.max(peak, running);
        reportProbing(signal);
        const outcome = await sleep(10 * n, signal);
        running -= 1;
        return outcome;
      },
      { concurrency: 3, onProgress: (n, e) => events.push(`${n}:${e.phase}`) },
    );
    expect(peak).toBe(3);
    expect(results.size).toBe(7);
    expect(events.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `${n}:queued`));
    for (const n of [1, 2, 3, 4, 5, 6, 7])
      expect(events.filter((e) => e.startsWith(`${n}:`))).toEqual([`${n}:queued`, `${n}:connecting`, `${n}:probing`, `${n}:done`]);
  });

  it('cancels running items and never starts queued ones', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    setTimeout(() => controller.abort(), 30);
    const results = await collectMany(
      [1, 2, 3, 4],
      (n, signal) => {
        started.push(n);
        return sleep(5000, signal);
      },
      { concurrency: 2, signal: controller.signal },
    );
    expect(started).toEqual([1, 2]);
    expect([...results.values()].map((o) => !o.ok && o.reason)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('turns a throwing collector into an error outcome', async () => {
    const results = await collectMany(['a'], () => Promise.reject(new Error('boom')), { concurrency: 8 });
    expect(results.get('a')).toEqual({ ok: false, reason: 'error', message: 'The collector failed: boom' });
  });
});
