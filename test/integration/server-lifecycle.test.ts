import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire';
import { serverCommand } from '../../launcher/commands/server-command';
import { startServer } from '../../server/start-server';
import { createUser } from '../../server/accounts/users';
import { freshDatabase, SERVER_BACKENDS, type FreshDatabase } from '../support/central-server';
import { api, signIn } from '../support/wire-client';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `outpost server …` in-process against one database, as the CLI would. */
async function cli(target: FreshDatabase, args: string[], stdin = ''): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.env.DATABASE_URL;
  const location = target.databaseUrl ? [] : ['--data-dir', target.dataDir!];
  if (target.databaseUrl) process.env.DATABASE_URL = target.databaseUrl;
  try {
    const { runAdminCommand } = await import('../../server/admin/admin-commands');
    const [group, ...rest] = args;
    const code = await runAdminCommand(group as 'user' | 'device', [...rest, ...location], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readStdin: async () => stdin,
    });
    return { code, out, err };
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

// Each CLI command opens the database itself (on PGlite: seconds on a busy machine), hence the long timeouts.
describe.each(SERVER_BACKENDS)('server lifecycle on %s', { timeout: 90_000 }, (backend) => {
  it('finishes a request in flight when stopped, and refuses new connections', async () => {
    const target = await freshDatabase(backend, { migrated: true });
    cleanups.push(target.cleanup);
    const server = await startServer({ host: '127.0.0.1', port: 0, ...target, logLevel: 'warn' });
    cleanups.push(() => server.close());
    await createUser(server.db, { username: 'slow', displayName: 'Slow', role: 'technician', password: 'a long enough password' });
    const body = JSON.stringify({
      username: 'slow',
      password: 'a long enough password',
      deviceName: 'slow laptop',
      protocolVersion: SYNC_PROTOCOL_VERSION,
    });
    const { port } = new URL(server.url);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/auth/sign-in',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [PROTOCOL_HEADER]: '1' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 20));
      setTimeout(() => request.end(body.slice(20)), 600);
    });
    await sleep(200); // The request has arrived; its body is still coming.
    const stopping = server.close();
    await sleep(100);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { username: 'slow' } });
    // Once the answer is sent, the server is down at once: its keep-alive connection is closed, not left to time out.
    const answered = Date.now();
    await stopping;
    expect(Date.now() - answered).toBeLessThan(2000);
    // The device it issued was committed before the server stopped.
    const listed = await cli(target, ['device', 'list', '--username', 'slow']);
    expect(listed.out.join('\n')).toContain('slow laptop');
  });

  it('creates a user with the CLI, who then signs in over HTTP; a revoked device is refused', async () => {
    const target = await freshDatabase(backend);
    cleanups.push(target.cleanup);
    const created = await cli(
      target,
      ['user', 'create', '--username', 'rita', '--name', 'Rita Release', '--role', 'release_manager', '--password-stdin'],
      'rita password 123\n',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out[0]).toMatch(/^created release_manager rita \(Rita Release\)/);
    const generated = await cli(target, ['user', 'create', '--username', 'tom', '--role', 'technician']);
    const password = /password \(shown once\): (\S+)/.exec(generated.out.join('\n'))?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    expect((await cli(target, ['user', 'create', '--username', 'tom', '--role', 'technician'])).code).toBe(1);
    expect(
      (await cli(target, ['user', 'create', '--username', 'weak', '--role', 'technician', '--password-stdin'], 'short')).err.join(),
    ).toMatch(/at least 10/);

    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      logLevel: 'warn',
    });
    cleanups.push(() => server.close());
    if (backend === 'pglite') {
      const refused = await cli(target, ['user', 'list']);
      expect(refused.code).toBe(1);
      expect(refused.err.join('\n')).toMatch(/in use by process \d+ \(the server is running\)/);
    } else {
      expect((await cli(target, ['user', 'list'])).out.join('\n')).toMatch(/rita\trelease_manager\tRita Release\tactive/);
    }
    const rita = await signIn(server.url, 'rita', 'rita password 123');
    const tom = await signIn(server.url, 'tom', password!);
    expect((await api(server.url, 'GET', '/v1/me', { token: tom.token })).status).toBe(200);
    await server.close();

    expect((await cli(target, ['device', 'revoke', rita.deviceId])).code).toBe(0);
    expect((await cli(target, ['user', 'reset-password', '--username', 'tom', '--password-stdin'], 'a brand new password')).code).toBe(0);
    const again = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      logLevel: 'warn',
    });
    cleanups.push(() => again.close());
    const revoked = await api(again.url, 'GET', '/v1/me', { token: rita.token });
    expect(revoked.status).toBe(401);
    expect((revoked.body as { error: { code: string } }).error.code).toBe('device_revoked');
    expect((await api(again.url, 'GET', '/v1/me', { token: tom.token })).status).toBe(200);
    expect(
      (
        await api(again.url, 'POST', '/v1/auth/sign-in', {
          body: { username: 'tom', password: password!, deviceName: 'x', protocolVersion: 1 },
        })
      ).status,
    ).toBe(401);
    expect((await signIn(again.url, 'tom', 'a brand new password')).token).toBeTruthy();
  });
});

describe('several server processes on one PostgreSQL database', { timeout: 90_000 }, () => {
  it('start together, share device tokens and the sign-in rate limit', async () => {
    const target = await freshDatabase('postgresql');
    const [a, b] = await Promise.all(
      [1, 2].map(() => startServer({ host: '127.0.0.1', port: 0, databaseUrl: target.databaseUrl, logLevel: 'error' })),
    );
    cleanups.push(
      () => a!.close(),
      () => b!.close(),
    );
    await createUser(a!.db, { username: 'shared', displayName: 'Shared', role: 'technician', password: 'a long enough password' });
    const device = await signIn(a!.url, 'shared', 'a long enough password');
    expect((await api(b!.url, 'GET', '/v1/me', { token: device.token })).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      const via = i % 2 === 0 ? a! : b!;
      expect(
        (
          await api(via.url, 'POST', '/v1/auth/sign-in', {
            body: { username: 'shared', password: `wrong ${i} guess`, deviceName: 'x', protocolVersion: 1 },
          })
        ).status,
      ).toBe(401);
    }
    for (const via of [a!, b!]) {
      expect(
        (
          await api(via.url, 'POST', '/v1/auth/sign-in', {
            body: { username: 'shared', password: 'a long enough password', deviceName: 'x', protocolVersion: 1 },
          })
        ).status,
      ).toBe(429);
    }
    await api(b!.url, 'POST', '/v1/auth/sign-out', { token: device.token });
    expect((await api(a!.url, 'GET', '/v1/me', { token: device.token })).status).toBe(401);
  });
});

describe('outpost server command', () => {
  it('explains its sub-commands and refuses a bad port', async () => {
    const err: string[] = [];
    const io = { out: (line: string) => err.push(line), err: (line: string) => err.push(line) };
    expect(await serverCommand.run(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/outpost server user create --username U/);
    expect(await serverCommand.run(['start', '--port', 'eighty'], io)).toBe(2);
  });
});
