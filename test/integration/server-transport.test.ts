import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMETERS, verifyPassword } from '../../server/accounts/password-hash';
import { MAX_FAILURES_PER_USERNAME } from '../../server/accounts/sign-in-rate-limit';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api, signIn } from '../support/wire-client';
import { testCertificate } from '../support/test-certificate';

const PASSWORD = 'a long enough password';
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;
const signInBody = (username: string, password: string) => ({
  username,
  password,
  deviceName: 'x',
  protocolVersion: SYNC_PROTOCOL_VERSION,
});

/** A request over HTTPS that trusts exactly `ca` (the test certificate), with the peer certificate's fingerprint. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca, servername: 'localhost' }, (response) => {
      const fingerprint = (response.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, fingerprint }));
    });
    request.on('error', reject);
  });
}

/** GET with the path sent exactly as written (fetch would resolve `..` and `%2e` itself). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, path, method: 'GET', headers: { [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION), ...headers } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: body ? (JSON.parse(body) as unknown) : null }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Collects the server's JSON log lines. */
function logSink() {
  const lines: { level: number; msg?: string; err?: { stack?: string } }[] = [];
  return { lines, write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) };
}

describe.each(SERVER_BACKENDS)('server transport on %s', { timeout: 120_000 }, (backend) => {
  describe('HTTPS', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ backend, tls: await testCertificate() });
    }, 60_000);
    afterAll(async () => server?.stop());

    it('serves HTTPS with the configured certificate and refuses plain HTTP on the same port', async () => {
      const tls = await testCertificate();
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const health = await httpsGet(`${server.url}/health`, tls.cert);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: backend });
      expect(health.fingerprint).toBe(tls.fingerprint);
      await expect(fetch(`${server.url.replace('https:', 'http:')}/health`)).rejects.toThrow();
    });
  });

  describe('sign-in limits, proxies, paths and hashes', () => {
    let server: TestServer;
    const log = logSink();
    beforeAll(async () => {
      server = await startTestServer({ backend, logLevel: 'info', logDestination: log });
      await server.createUser({ username: 'tech', role: 'technician', password: PASSWORD });
    }, 60_000);
    afterAll(async () => server?.stop());

    it('lets at most 5 of 25 concurrent sign-ins for one user reach the password check', async () => {
      await server.createUser({ username: 'crowd', role: 'technician', password: PASSWORD });
      const attempts = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          api(server.url, 'POST', '/v1/auth/sign-in', { body: signInBody('crowd', `wrong guess ${i}`) }),
        ),
      );
      const statuses = attempts.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_USERNAME);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25 - MAX_FAILURES_PER_USERNAME);
      const [row] = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sign_in_attempts WHERE username = 'crowd'");
      expect(row?.n).toBe(MAX_FAILURES_PER_USERNAME);
      // The right password is refused too now.
      expect((await api(server.url, 'POST', '/v1/auth/sign-in', { body: signInBody('crowd', PASSWORD) })).status).toBe(429);
    });

    it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
      await api(server.url, 'POST', '/v1/auth/sign-in', {
        body: signInBody('proxy-none', 'wrong'),
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      const rows = await server.db.query<{ remote_address: string }>(
        "SELECT remote_address FROM sign_in_attempts WHERE username = 'proxy-none'",
      );
      expect(rows.map((r) => r.remote_address)).toEqual(['127.0.0.1']);
    });

    it('normalises paths before the guards: encoded, dotted and doubled paths meet the same protocol and token checks', async () => {
      const variants = [
        '/%761/me',
        '/%76%31/me',
        '//v1//me',
        '/./v1/./me',
        '/x/../v1/me',
        '/v1/%6De',
        '/%761/auth/sign-out',
        '/%761/sync/partitions',
        '/v1/blobs/%61%61/status',
      ];
      const before = log.lines.length;
      for (const path of variants) {
        const method = path.includes('sign-out') || path.includes('partitions') ? 'POST' : 'GET';
        const noToken = await api(server.url, method, path, method === 'POST' ? { body: {} } : {});
        expect([path, noToken.status, errorCode(noToken.body)]).toEqual([path, 401, 'unauthorized']);
        const noProtocol = await api(server.url, method, path, { noProtocol: true, ...(method === 'POST' ? { body: {} } : {}) });
        expect([path, noProtocol.status]).toEqual([path, 426]);
      }
      const tech = await signIn(server.url, 'tech', PASSWORD);
      const me = await api(server.url, 'GET', '/%761/./me', { token: tech.token });
      expect(me.status).toBe(200);
      // Sent exactly as written (fetch resolves these itself).
      expect((await rawGet(server.url, '/x/%2e%2e/%761/me')).status).toBe(401);
      expect((await rawGet(server.url, '/x/../v1/me', { authorization: `Bearer ${tech.token}` })).status).toBe(200);
      expect(log.lines.slice(before).filter((l) => l.level >= 50)).toEqual([]);
    });

    it('answers a malformed path 400 without logging an error or a stack', async () => {
      const before = log.lines.length;
      for (const path of [
        '/v1/%zz',
        '/v1/%2Fme',
        '/%76%2F1/me',
        '/v1/%c0%ae%c0%ae/me',
        '/../v1/me',
        '/%2e%2e/v1/me',
        '/v1/%00',
        '/v1/me%5C..',
        '/v1\\me',
      ]) {
        const response = await rawGet(server.url, path);
        expect([path, response.status, errorCode(response.body)]).toEqual([path, 400, 'malformed_path']);
      }
      const lines = log.lines.slice(before);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines.filter((l) => l.err?.stack)).toEqual([]);
    });

    it('rehashes a password stored with older scrypt parameters at the next sign-in', async () => {
      const oldHash = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
      await server.createUser({ username: 'veteran', role: 'technician', password: PASSWORD });
      await server.db.query("UPDATE users SET password_hash = $1 WHERE username = 'veteran'", [oldHash]);
      await signIn(server.url, 'veteran', PASSWORD);
      const [row] = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'veteran'");
      expect(row!.password_hash).not.toBe(oldHash);
      expect(row!.password_hash.startsWith(`scrypt$${SCRYPT_PARAMETERS.N}$${SCRYPT_PARAMETERS.r}$${SCRYPT_PARAMETERS.p}$`)).toBe(true);
      expect(await verifyPassword(PASSWORD, row!.password_hash)).toBe(true);
      // A wrong password never rehashes.
      const current = row!.password_hash;
      await server.db.query("UPDATE users SET password_hash = $1 WHERE username = 'veteran'", [oldHash]);
      expect((await api(server.url, 'POST', '/v1/auth/sign-in', { body: signInBody('veteran', 'not the password') })).status).toBe(401);
      const [after] = await server.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'veteran'");
      expect(after!.password_hash).toBe(oldHash);
      expect(current).not.toBe(oldHash);
    });
  });

  describe.each([1, 2])('behind %i trusted proxies', (hops) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ backend, trustProxy: hops });
    }, 60_000);
    afterAll(async () => server?.stop());

    it('counts the address the trusted proxies saw, not a forged left-most X-Forwarded-For', async () => {
      const user = `proxied-${hops}`;
      // The client forged two left-most entries; the proxies appended what they saw (right-most).
      const proxyChain = hops === 1 ? ['198.51.100.7'] : ['198.51.100.7', '10.1.2.3'];
      for (const forged of ['203.0.113.1', '203.0.113.2']) {
        const response = await api(server.url, 'POST', '/v1/auth/sign-in', {
          body: signInBody(user, 'wrong password'),
          headers: { 'x-forwarded-for': [forged, 'forged-too', ...proxyChain].join(', ') },
        });
        expect(response.status).toBe(401);
      }
      const rows = await server.db.query<{ remote_address: string }>('SELECT remote_address FROM sign_in_attempts WHERE username = $1', [
        user,
      ]);
      expect(rows.map((r) => r.remote_address)).toEqual(['198.51.100.7', '198.51.100.7']);
    });
  });
});
