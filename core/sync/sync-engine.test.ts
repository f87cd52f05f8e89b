import { afterEach, describe, expect, it } from 'vitest';
import { PUSH_MAX_BYTES } from '../../shared/sync/wire';
import { openSampleCore, openTestCore, type TestCore } from '../../test/support/temp-core';
import type { FetchLike } from './server-client';
import { pinCertificate } from './server-certificates';
import { TOKEN_SECRET_KEY } from './sync-deps';
import { SyncError } from './sync-error';

/** A core whose engine runs on a hand-driven timer against a scripted server. */
function engineCore(answer: () => Promise<Response>) {
  const timers = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const fetch: FetchLike = () => answer();
  const core = openTestCore({
    sync: {
      fetch,
      intervalMs: 60_000,
      backoffBaseMs: 1_000,
      backoffCapMs: 8_000,
      random: () => 0.999,
      nowMs: () => Date.parse('2026-11-24T09:00:00.000Z'),
      setTimer: (run, ms) => {
        const id = next++;
        timers.set(id, { run, ms });
        return id;
      },
      clearTimer: (id) => timers.delete(id as number),
    },
  });
  core.call('profile.set', { name: 'Alex Morgan', role: 'technician' });
  return { core, timers };
}

function signInByHand(core: TestCore) {
  core.secrets.set(TOKEN_SECRET_KEY, 'token');
  const sqlite = core.syncEngine['deps'].sqlite;
  sqlite
    .prepare(
      "INSERT INTO sync_account (id, server_url, username, display_name, role, device_id, signed_in_at) VALUES (1, 'http://127.0.0.1:9', 'alex', 'Alex Morgan', 'technician', 'd1', 'now')",
    )
    .run();
}

const fire = async (timers: Map<number, { run: () => void; ms: number }>) => {
  const [id, timer] = [...timers.entries()][0]!;
  timers.delete(id);
  timer.run();
  await new Promise((r) => setImmediate(r));
};

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('sync engine push', () => {
  it('sends the outbox in order in batches of at most 500 operations and 1 MB, and moves a change too large for any request to the conflicts', async () => {
    const batches: { count: number; bytes: number; opIds: string[] }[] = [];
    const sample = openSampleCore({
      sync: {
        intervalMs: false,
        fetch: async (url, init) => {
          if (url.endsWith('/v1/sync/push')) {
            const body = String(init.body);
            const request = JSON.parse(body) as { operations: { opId: string }[] };
            batches.push({
              count: request.operations.length,
              bytes: Buffer.byteLength(body),
              opIds: request.operations.map((o) => o.opId),
            });
            return Response.json({
              results: request.operations.map((o) => ({ opId: o.opId, status: 'applied', version: 1 })),
              serverTime: 'now',
            });
          }
          // The sample's attachments (training signatures): the server has them already.
          const blob = /\/v1\/blobs\/([0-9a-f]{64})\/status$/.exec(url);
          if (blob) return Response.json({ sha256: blob[1], size: 1, mediaType: 'image/png', received: 1, complete: true });
          return Response.json({ partitions: [] });
        },
      },
    });
    core = sample.core;
    core.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    signInByHand(core);
    const { queued } = core.call('sync.publish', { deploymentId: sample.deploymentId });
    const sqlite = core.syncEngine['deps'].sqlite;
    const item = sqlite.prepare('SELECT id FROM inventory_items LIMIT 1').get() as { id: string };
    sqlite.prepare('UPDATE inventory_items SET note = ? WHERE id = ?').run('x'.repeat(PUSH_MAX_BYTES + 10), item.id);
    sqlite.prepare("UPDATE inventory_items SET note = 'after' WHERE id = ?").run(item.id);
    for (const other of sqlite.prepare('SELECT id FROM inventory_items LIMIT 2 OFFSET 1').all() as { id: string }[]) {
      sqlite.prepare('UPDATE inventory_items SET note = ? WHERE id = ?').run('y'.repeat(600_000), other.id); // two of these never share a request
    }
    const inOrder = (
      sqlite.prepare('SELECT op_id AS id, length(data) AS size FROM sync_outbox ORDER BY seq').all() as { id: string; size: number }[]
    )
      .filter((o) => o.size < PUSH_MAX_BYTES)
      .map((o) => o.id);
    expect(await core.syncEngine.runOnce()).toEqual({ ok: true });
    expect(batches.every((b) => b.count <= 500 && b.bytes <= PUSH_MAX_BYTES)).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.reduce((n, b) => n + b.count, 0)).toBe(queued + 3);
    expect(batches.flatMap((b) => b.opIds)).toEqual(inOrder); // capture order
    expect(core.call('sync.conflicts', {})).toMatchObject([{ entity: 'inventory_items', rowId: item.id, code: 'too_large' }]);
    expect(core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, conflicts: 1 });
  });
});

describe('sync engine', () => {
  it('runs again, not blocked, when a run is refused for the certificate while someone trusted a new one', async () => {
    let requests = 0;
    const fp = (byte: string) => Array.from({ length: 32 }, () => byte).join(':');
    const pin = (fingerprint: string) =>
      pinCertificate(core!.syncEngine['deps'].sqlite, {
        origin: 'http://127.0.0.1:9',
        fingerprint,
        subject: '',
        trustedAt: 'now',
        trustedBy: 'alex',
      });
    const opened = engineCore(async () => {
      requests += 1;
      if (requests === 1) {
        // The run's first request is refused under the old pin, while the person re-trusts the new certificate.
        pin(fp('BB'));
        throw new SyncError('untrusted_server', 'The server presents a different certificate than the one this device trusts');
      }
      return Response.json({ partitions: [] });
    });
    core = opened.core;
    signInByHand(core);
    pin(fp('AA'));
    core.call('sync.now', {});
    await core.syncEngine.idle();
    expect(requests).toBeGreaterThan(1);
    expect(core.call('sync.status', {})).toMatchObject({ state: 'idle', lastError: null });
  });

  it('stays blocked when a run is refused for the certificate and nobody trusted another', async () => {
    let requests = 0;
    const opened = engineCore(async () => {
      requests += 1;
      throw new SyncError('untrusted_server', 'The server presents a different certificate than the one this device trusts');
    });
    core = opened.core;
    signInByHand(core);
    core.call('sync.now', {});
    await core.syncEngine.idle();
    expect(requests).toBe(1);
    expect(opened.timers.size).toBe(0);
    expect(core.call('sync.status', {})).toMatchObject({ state: 'error', lastError: { code: 'untrusted_server' } });
  });

  it('retries with growing jittered delays while offline, then runs on its interval once the server answers', async () => {
    let online = false;
    const opened = engineCore(async () => {
      if (!online) throw new TypeError('fetch failed');
      return Response.json({ partitions: [] });
    });
    core = opened.core;
    signInByHand(core);
    core.call('sync.now', {});
    await core.syncEngine.idle();
    expect([...opened.timers.values()].map((t) => t.ms)).toEqual([999]);
    expect(core.call('sync.status', {})).toMatchObject({ state: 'offline', online: false, nextAttemptAt: '2026-11-24T09:00:00.999Z' });
    await fire(opened.timers);
    await core.syncEngine.idle();
    expect([...opened.timers.values()].map((t) => t.ms)).toEqual([1_998]);
    await fire(opened.timers);
    await core.syncEngine.idle();
    await fire(opened.timers);
    await core.syncEngine.idle();
    await fire(opened.timers);
    await core.syncEngine.idle();
    expect([...opened.timers.values()].map((t) => t.ms)).toEqual([7_992]); // capped
    online = true;
    await fire(opened.timers);
    await core.syncEngine.idle();
    expect([...opened.timers.values()].map((t) => t.ms)).toEqual([60_000]);
    expect(core.call('sync.status', {})).toMatchObject({ state: 'idle', online: true, lastError: null });
    expect(core.call('sync.status', {}).lastSuccessAt).not.toBeNull();
  });

  it('stops automatic runs when the client is too old, and leaves no timer behind when the core closes', async () => {
    const opened = engineCore(async () => Response.json({ error: { code: 'client_too_old', message: 'update' } }, { status: 426 }));
    core = opened.core;
    signInByHand(core);
    core.call('sync.now', {});
    await core.syncEngine.idle();
    expect(opened.timers.size).toBe(0);
    expect(core.call('sync.status', {})).toMatchObject({ state: 'error', nextAttemptAt: null, lastError: { code: 'client_too_old' } });
    const fresh = engineCore(async () => {
      throw new TypeError('fetch failed');
    });
    signInByHand(fresh.core);
    fresh.core.call('sync.now', {});
    await fresh.core.syncEngine.idle();
    expect(fresh.timers.size).toBe(1);
    fresh.core.close();
    expect(fresh.timers.size).toBe(0);
  });

  it('returns sign-in failures as typed errors and refuses sync.now before signing in', async () => {
    const opened = engineCore(async () => Response.json({ error: { code: 'bad_credentials', message: 'no' } }, { status: 401 }));
    core = opened.core;
    expect(core.dispatch('sync.now', {})).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(core.dispatch('sync.signIn', { serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'async_method' },
    });
    const result = await core.core.call('sync.signIn', { serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('Wrong user name or password') },
    });
    expect(core.secrets.get(TOKEN_SECRET_KEY)).toBeNull();
    expect(core.call('sync.status', {})).toMatchObject({ state: 'signed_out', account: null });
  });
});
