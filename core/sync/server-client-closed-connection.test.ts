import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { createServerClient, type FetchLike } from './server-client';
import { SyncError } from './sync-error';

/*
 * A kept-alive connection the server closes just as a request goes out on it fails with
 * UND_ERR_SOCKET ("other side closed"). Seen on loopback under load: a technician's first sync after
 * 10,000 receive scans (a push probe against the built server, 2026-12-05 23:59 UTC). Undici itself
 * copes with a close it has read in time, so the race cannot be timed in a test; these tests pin the
 * client's rule for it.
 */
describe('server client on a connection the server closed', () => {
  it('sends a request again once after its connection closed under it, never a sign-in', async () => {
    const closed = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
    const calls: string[] = [];
    const fetch: FetchLike = (url) => {
      calls.push(new URL(url).pathname);
      return closed();
    };
    const client = createServerClient({
      baseUrl: 'https://server.test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: 't',
      fetch,
      timeoutMs: 1000,
    });
    await expect(client.signIn('riley', 'pw', 'laptop')).rejects.toBeInstanceOf(SyncError);
    expect(calls).toEqual(['/v1/auth/sign-in']);
    await expect(client.partitions()).rejects.toMatchObject({ code: 'offline' });
    expect(calls.slice(1)).toEqual(['/v1/sync/partitions', '/v1/sync/partitions']);
  });

  it('gives the answer of the second attempt when the first died on a closed connection', async () => {
    let calls = 0;
    const fetch: FetchLike = () => {
      calls += 1;
      if (calls === 1)
        return Promise.reject(
          new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
        );
      return Promise.resolve(Response.json({ keys: [] }));
    };
    const client = createServerClient({
      baseUrl: 'https://server.test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: 't',
      fetch,
      timeoutMs: 1000,
    });
    expect(await client.deviceKeys()).toEqual({ keys: [] });
    expect(calls).toBe(2);
  });

  it('does not resend after a refused connection (the server is not there)', async () => {
    let calls = 0;
    const fetch: FetchLike = () => {
      calls += 1;
      return Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }),
      );
    };
    const client = createServerClient({
      baseUrl: 'https://server.test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: 't',
      fetch,
      timeoutMs: 1000,
    });
    await expect(client.partitions()).rejects.toMatchObject({ code: 'offline' });
    expect(calls).toBe(1);
  });
});
