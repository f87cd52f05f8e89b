import { describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SCHEMA_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { createServerClient, type FetchLike } from './server-client';
import { SyncAborted, SyncError } from './sync-error';

function client(fetch: FetchLike, signal?: AbortSignal) {
  return createServerClient({
    baseUrl: 'https://server.test/',
    schemaVersion: LATEST_SCHEMA_VERSION,
    token: 'tok',
    fetch,
    timeoutMs: 200,
    ...(signal ? { signal } : {}),
  });
}

const errorBody = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('server client', () => {
  it('sends the protocol and schema headers and the bearer token, and parses the answer', async () => {
    let seen: RequestInit | undefined;
    const c = client(async (url, init) => {
      seen = init;
      expect(url).toBe('https://server.test/v1/sync/partitions');
      return Response.json({ partitions: [] });
    });
    expect(await c.partitions()).toEqual({ partitions: [] });
    const headers = seen!.headers as Record<string, string>;
    expect(headers[PROTOCOL_HEADER]).toBe(String(SYNC_PROTOCOL_VERSION));
    expect(headers[SCHEMA_HEADER]).toBe(String(LATEST_SCHEMA_VERSION));
    expect(headers.authorization).toBe('Bearer tok');
  });

  it('maps a network failure and a timeout to offline, with the cause as detail', async () => {
    const refused = await failure(
      client(() =>
        Promise.reject(
          new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }),
        ),
      ).partitions(),
    );
    expect(refused).toMatchObject({ code: 'offline' });
    expect(refused.detail).toContain('ECONNREFUSED');
    const silent = await failure(
      client(
        (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      ).partitions(),
    );
    expect(silent).toMatchObject({ code: 'offline' });
    expect(silent.detail).toContain('no answer within 200 ms');
  });

  it('maps HTTP errors to typed codes with the server code in the detail', async () => {
    expect(await failure(client(async () => errorBody(426, 'client_too_old', 'old')).partitions())).toMatchObject({
      code: 'client_too_old',
      status: 426,
    });
    expect(await failure(client(async () => errorBody(401, 'bad_credentials', 'no')).signIn('a', 'b', 'c'))).toMatchObject({
      code: 'unauthorized',
      message: 'Wrong user name or password',
    });
    expect(await failure(client(async () => errorBody(429, 'rate_limited', 'slow down')).signIn('a', 'b', 'c'))).toMatchObject({
      code: 'rate_limited',
    });
    const broken = await failure(client(async () => new Response('<html>proxy error</html>', { status: 502 })).partitions());
    expect(broken).toMatchObject({ code: 'server_error', status: 502 });
    expect(broken.detail).toContain('HTTP 502');
    expect(await failure(client(async () => Response.json({ partitions: 'nope' })).partitions())).toMatchObject({ code: 'server_error' });
  });

  it('resumes a blob upload from the server status on offset_mismatch', async () => {
    const status = { sha256: 'a'.repeat(64), size: 10, mediaType: 'image/png', received: 4, complete: false };
    const c = client(async () => Response.json({ error: { code: 'offset_mismatch', message: 'x' }, status }, { status: 409 }));
    expect(await c.putBlobChunk('a'.repeat(64), 0, 10, 'image/png', new Uint8Array(10))).toEqual(status);
    expect(await client(async () => errorBody(404, 'not_found', 'never seen')).blobStatus('a'.repeat(64))).toBeNull();
  });

  it('reports a stop (core closing) as an abort, not as offline', async () => {
    const stop = new AbortController();
    const c = client(
      (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      stop.signal,
    );
    const pending = c.partitions();
    stop.abort();
    await expect(pending).rejects.toBeInstanceOf(SyncAborted);
  });

  it('refuses http:// to another computer before calling fetch, and lets it through to loopback', async () => {
    let calls = 0;
    const counting: FetchLike = async () => {
      calls += 1;
      return Response.json({ partitions: [] });
    };
    const remote = createServerClient({
      baseUrl: 'http://server.test/',
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: 'tok',
      fetch: counting,
    });
    const refused = await failure(remote.partitions());
    expect(refused.code).toBe('untrusted_server');
    expect(calls).toBe(0);
    const local = createServerClient({
      baseUrl: 'http://127.0.0.1:8787',
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: 'tok',
      fetch: counting,
    });
    await local.partitions().catch(() => undefined);
    expect(calls).toBe(1);
  });
});
