// The renderer's prefetch of the first screen's reads (renderer/api/shared-query.ts), through the
// renderer's own client over a bridge to a real core on a temp SQLite file, as the Electron preload
// offers it: an answer read before React asks goes once to the first reader, and is never served
// stale (not after a change, not after a few seconds).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL } from '../../shared/contract/bridge';
import { bumpTopics } from '../../renderer/api/refresh';
import { prefetchQuery, sharedQuery } from '../../renderer/api/shared-query';
import { openSampleCore, type TestCore } from '../support/temp-core';

let core: TestCore;
let deploymentId: string;
const calls: string[] = [];

beforeAll(() => {
  const sample = openSampleCore();
  core = sample.core;
  deploymentId = sample.deploymentId;
  const bridge = new Proxy(
    {},
    { get: (_target, method: string) => (input: unknown) => (calls.push(method), core.core.call(method, input)) },
  );
  (globalThis as Record<string, unknown>).window = { [BRIDGE_GLOBAL]: bridge };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).window;
  core.close();
});
afterEach(() => {
  calls.length = 0;
  vi.useRealTimers();
});

describe('first-screen prefetch', () => {
  it('gives the prefetched answer to the first read of the same method and input, and only to it', async () => {
    const early = prefetchQuery('sites.list', { deploymentId });
    const first = await sharedQuery('sites.list', { deploymentId }, 'navigator#0');
    expect(first).toBe(await early);
    expect(first.ok && first.value.length).toBe(6);
    expect(calls).toEqual(['sites.list']);
    await sharedQuery('sites.list', { deploymentId }, 'navigator#1');
    expect(calls).toEqual(['sites.list', 'sites.list']);
  });

  it('is not used for another input', async () => {
    void prefetchQuery('deployments.get', { deploymentId });
    await sharedQuery('deployments.get', { deploymentId: 'another' }, 'detail#0');
    expect(calls).toEqual(['deployments.get', 'deployments.get']);
    // Taken now, so it does not linger into the next test.
    await sharedQuery('deployments.get', { deploymentId }, 'detail#1');
    expect(calls).toHaveLength(2);
  });

  it('is dropped once something changed (a bumped topic)', async () => {
    const early = prefetchQuery('sites.list', { deploymentId });
    await early;
    bumpTopics('sites');
    const read = await sharedQuery('sites.list', { deploymentId }, 'navigator#2');
    expect(read).not.toBe(await early);
    expect(calls).toEqual(['sites.list', 'sites.list']);
  });

  it('is dropped when nobody took it within five seconds', async () => {
    vi.useFakeTimers();
    const early = prefetchQuery('issues.summary', { deploymentId });
    await early;
    vi.advanceTimersByTime(5001);
    const read = await sharedQuery('issues.summary', { deploymentId }, 'issues#0');
    expect(read).not.toBe(await early);
    expect(calls).toEqual(['issues.summary', 'issues.summary']);
  });
});
