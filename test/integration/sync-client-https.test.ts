import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClient, type FetchLike } from '../../core/sync/server-client';
import { TOKEN_SECRET_KEY } from '../../core/sync/sync-deps';
import { createPinnedFetch } from '../../core/sync/transport/pinned-fetch';
import { serverTransport } from '../../core/sync/transport/server-transport';
import { INSECURE_SERVER_MESSAGE } from '../../shared/sync/server-address';
import { startServer, type RunningServer } from '../../server/start-server';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { testCertificate } from '../support/test-certificate';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { openTestCore, type TestCore } from '../support/temp-core';

// The desktop over HTTPS against a real server with a self-signed certificate: the fingerprint is
// shown and pinned at first sign-in and used by every later request; a changed certificate is
// refused, showing both fingerprints, until a person re-trusts it; http:// to another computer is
// refused before any connection.

const PASSWORD = 'correct horse battery';

/** A TCP relay on loopback whose target can be switched: the "network" between desktop and server. */
async function startRelay(target: number) {
  const state = { target, connections: 0 };
  const open = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    state.connections += 1;
    const upstream = net.connect(state.target, '127.0.0.1');
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const port = (relay.address() as net.AddressInfo).port;
  const close = () => {
    for (const socket of open) socket.destroy();
    return new Promise<void>((resolve) => relay.close(() => resolve()));
  };
  return { state, url: `https://127.0.0.1:${port}`, close };
}

function logSink() {
  const lines: { msg?: string; req?: { url?: string } }[] = [];
  return { lines, write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) };
}

describe.each(SERVER_BACKENDS)('desktop sync over HTTPS on %s', { timeout: 120_000 }, (backend) => {
  let server: TestServer;
  let replacement: RunningServer | null = null;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let device: TestCore;
  let reader: Database.Database | null = null;
  const pins = () => (reader ??= new Database(device.databaseFile, { readonly: true }));
  const replacementLog = logSink();

  beforeAll(async () => {
    server = await startTestServer({ backend, tls: await testCertificate('first') });
    await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
    relay = await startRelay(Number(new URL(server.url).port));
    device = openTestCore({ sync: { intervalMs: false, requestTimeoutMs: 10_000 } });
  }, 120_000);

  afterAll(async () => {
    reader?.close();
    device?.close();
    await relay?.close();
    await replacement?.close();
    await server?.stop();
  }, 60_000);

  it('shows the fingerprint at first sign-in and signs in only once a person trusts it', async () => {
    const first = await testCertificate('first');
    const refused = await device.core.call('sync.signIn', { serverUrl: relay.url, username: 'alex', password: PASSWORD });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('untrusted_server');
    expect(refused.error.message).toContain(first.fingerprint);
    expect(device.call('sync.status', {}).account).toBeNull();

    const inspected = await device.callAsync('sync.inspectServer', { serverUrl: relay.url });
    expect(inspected).toMatchObject({ state: 'new', pinned: null, certificate: { fingerprint: first.fingerprint, caVerified: false } });

    // A fingerprint that is not the server's is refused, nothing pinned.
    const wrong = await device.core.call('sync.signIn', {
      serverUrl: relay.url,
      username: 'alex',
      password: PASSWORD,
      trustCertificate: (await testCertificate('other')).fingerprint,
    });
    expect(wrong.ok).toBe(false);
    expect(pins().prepare('SELECT count(*) AS n FROM sync_server_certificates').get()).toEqual({ n: 0 });

    // Pasted in lower case without colons, as people do.
    const status = await device.callAsync('sync.signIn', {
      serverUrl: relay.url,
      username: 'alex',
      password: PASSWORD,
      trustCertificate: first.fingerprint.replace(/:/g, '').toLowerCase(),
    });
    expect(status.account).toMatchObject({ username: 'alex', serverUrl: relay.url });
    const pin = pins().prepare('SELECT origin, fingerprint, trusted_by AS trustedBy FROM sync_server_certificates').all();
    expect(pin).toEqual([
      { origin: `${relay.url}`.replace(/(:\d+)?$/, (m) => m || ':443'), fingerprint: first.fingerprint, trustedBy: 'alex' },
    ]);
    await device.syncEngine.idle();
    expect(await device.syncEngine.runOnce()).toEqual({ ok: true });
    expect((await device.callAsync('sync.inspectServer', { serverUrl: relay.url })).state).toBe('trusted');
    // Attachments take the same pinned transport (binary bodies).
    const client = createServerClient({
      baseUrl: relay.url,
      schemaVersion: LATEST_SCHEMA_VERSION,
      token: device.secrets.get(TOKEN_SECRET_KEY),
      fetch: serverTransport(pins(), relay.url),
    });
    const bytes = Buffer.from('attachment bytes over the pinned transport');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await client.putBlobChunk(sha, 0, bytes.length, 'application/pdf', bytes)).toMatchObject({
      received: bytes.length,
      complete: true,
    });
  });

  it('refuses a changed certificate before sending anything, showing both fingerprints, until it is re-trusted', async () => {
    const first = await testCertificate('first');
    const second = await testCertificate('second');
    // The same database served with another certificate (a replaced certificate, or someone in the middle).
    await server.server.close();
    replacement = await startServer({
      host: '127.0.0.1',
      port: 0,
      ...(backend === 'pglite' ? { dataDir: server.location } : { databaseUrl: server.location }),
      tls: second,
      logLevel: 'info',
      logDestination: replacementLog,
    });
    relay.state.target = Number(new URL(replacement.url).port);

    const outcome = await device.syncEngine.runOnce();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('untrusted_server');
    expect(outcome.error.message).toContain(first.fingerprint);
    expect(outcome.error.message).toContain(second.fingerprint);
    const status = device.call('sync.status', {});
    expect(status.lastError).toMatchObject({ code: 'untrusted_server' });
    expect(status.lastError?.message).toContain(second.fingerprint);
    // No request reached the server behind the new certificate: the handshake ended the connection.
    expect(replacementLog.lines.filter((l) => l.msg === 'incoming request')).toEqual([]);

    const inspected = await device.callAsync('sync.inspectServer', { serverUrl: relay.url });
    expect(inspected).toMatchObject({
      state: 'changed',
      pinned: { fingerprint: first.fingerprint },
      certificate: { fingerprint: second.fingerprint },
    });
    // Trusting a fingerprint the server does not present changes nothing.
    const wrong = await device.core.call('sync.trustCertificate', { serverUrl: relay.url, fingerprint: first.fingerprint });
    expect(wrong.ok).toBe(false);
    expect(pins().prepare('SELECT fingerprint FROM sync_server_certificates').get()).toEqual({ fingerprint: first.fingerprint });

    const trusted = await device.callAsync('sync.trustCertificate', { serverUrl: relay.url, fingerprint: second.fingerprint });
    expect(trusted.state).toBe('trusted');
    expect(pins().prepare('SELECT fingerprint, previous_fingerprint AS previous FROM sync_server_certificates').get()).toEqual({
      fingerprint: second.fingerprint,
      previous: first.fingerprint,
    });
    await device.syncEngine.idle();
    expect(await device.syncEngine.runOnce()).toEqual({ ok: true });
    expect(replacementLog.lines.some((l) => l.msg === 'incoming request' && l.req?.url === '/v1/sync/partitions')).toBe(true);
  });
});

describe('the pinned transport', () => {
  it('closes a connection presenting another certificate before the request (and its token) is written', async () => {
    const expected = await testCertificate('first');
    const presented = await testCertificate('second');
    let received = 0;
    const sockets = new Set<tls.TLSSocket>();
    const fake = tls.createServer({ cert: presented.cert, key: presented.key }, (socket) => {
      sockets.add(socket);
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(fake.address() as net.AddressInfo).port}/v1/me`;
    try {
      await expect(
        createPinnedFetch(expected.fingerprint)(url, { method: 'POST', headers: { authorization: 'Bearer device-token' }, body: '{}' }),
      ).rejects.toMatchObject({
        name: 'CertificateMismatch',
        expected: expected.fingerprint,
        presented: presented.fingerprint,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toBe(0);
      // The control: pinned to the certificate it presents, the request does arrive.
      void createPinnedFetch(presented.fingerprint)(url, { method: 'GET', headers: {} }).catch(() => undefined);
      await expect.poll(() => received, { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });
});

describe('plain http to another computer', () => {
  it('is refused before any connection, whatever the name or address', async () => {
    let connections = 0;
    const listener = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as net.AddressInfo).port;
    // A fetch that would deliver every request to the listening socket, whatever the host name.
    let fetchCalls = 0;
    const anywhereIsHere: FetchLike = (input, init) => {
      fetchCalls += 1;
      const url = new URL(input);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return fetch(url, init);
    };
    const device = openTestCore({ sync: { intervalMs: false, fetch: anywhereIsHere } });
    try {
      for (const serverUrl of [
        `http://outpost.example.com:${port}`,
        `http://10.1.2.3:${port}`,
        `http://127.0.0.1.nip.io:${port}`,
        `http://127.1:${port}`,
      ]) {
        const result = await device.core.call('sync.signIn', { serverUrl, username: 'alex', password: PASSWORD });
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect([serverUrl, result.error.code, result.error.issues]).toEqual([
            serverUrl,
            'validation',
            [{ path: 'serverUrl', message: INSECURE_SERVER_MESSAGE }],
          ]);
        const inspect = await device.core.call('sync.inspectServer', { serverUrl });
        expect(inspect.ok).toBe(false);
        // The client refuses too, for code that builds one directly.
        const client = createServerClient({ baseUrl: serverUrl, schemaVersion: LATEST_SCHEMA_VERSION, fetch: anywhereIsHere });
        await expect(client.health()).rejects.toMatchObject({ code: 'untrusted_server', message: INSECURE_SERVER_MESSAGE });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fetchCalls).toBe(0);
      expect(connections).toBe(0);
      // The same fetch does reach the socket when the address is this computer (the control).
      const local = createServerClient({
        baseUrl: `http://localhost:${port}`,
        schemaVersion: LATEST_SCHEMA_VERSION,
        fetch: anywhereIsHere,
      });
      await expect(local.health()).rejects.toMatchObject({ code: 'offline' });
      // The socket closes under the request, so the client sends it once more on a fresh connection
      // (server-client.ts resends once after a closed connection), and then gives up.
      expect(fetchCalls).toBe(2);
      await expect.poll(() => connections).toBe(2);
    } finally {
      device.close();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});
