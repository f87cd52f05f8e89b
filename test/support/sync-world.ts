import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/domain/enums';
import { createUser } from '../../server/accounts/users';
import { openCentralDb, type CentralDb } from '../../server/db/central-db';
import { migrateCentral } from '../../server/db/migrate-central';
import { freshDatabase, startTestServer, type ServerBackend } from './central-server';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startServerProcess, type ServerProcess } from './server-process';
import { openSignedInDevice, type Device } from './sync-plan';

/**
 * A central server process (or, with `inProcess`, S1's in-process test server) on a fresh database
 * of the backend, a fault proxy in front of it, and devices that talk to the server only through
 * the proxy. `withDb` reads the server's tables: in process or on PostgreSQL at any time; a PGlite
 * server process (one process per data directory) is stopped first.
 */
export const PASSWORD = 'fault-password-1';

export interface SyncWorld {
  backend: ServerBackend;
  server: ServerProcess;
  proxy: FaultProxy;
  devices: Device[];
  device(name: string, role: Role, username: string, requestTimeoutMs?: number): Promise<Device>;
  /** Runs `fn` on the server's database; on PGlite the server is stopped for good first. */
  withDb<T>(fn: (db: CentralDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const quiet = { info: () => undefined, warn: () => undefined };
let template: Promise<Uint8Array> | null = null;

/** A migrated empty PGlite data directory as an image, made once per test process (a fresh PGlite takes seconds). */
function pgliteTemplate(): Promise<Uint8Array> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-fault-template-'));
    const db = await openCentralDb({ dataDir: path.join(dir, 'data') });
    try {
      await migrateCentral(db, quiet);
      return await db.dumpDataDir();
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
  return template;
}

export interface SyncWorldOptions {
  /** Serve from this test process (startTestServer) instead of a child process: no kill/restart, but no process start or stop either. */
  inProcess?: boolean;
}

export async function startSyncWorld(
  backend: ServerBackend,
  users: readonly { username: string; role: Role; displayName?: string }[],
  options: SyncWorldOptions = {},
): Promise<SyncWorld> {
  if (options.inProcess) return inProcessWorld(backend, users);
  const target = await freshDatabase(backend);
  const location = target.databaseUrl ? { databaseUrl: target.databaseUrl } : { dataDir: target.dataDir! };
  const setup = await openCentralDb(target.dataDir ? { dataDir: target.dataDir, pgliteImage: await pgliteTemplate() } : location);
  await migrateCentral(setup, quiet);
  for (const user of users) await createUser(setup, { displayName: user.displayName ?? user.username, ...user, password: PASSWORD });
  await setup.close();
  const server = await startServerProcess({ ...location, readyTimeoutMs: 60_000 });
  let stopped = false;
  return world(backend, server, await startFaultProxy({ targetPort: server.port }), {
    async withDb(fn) {
      if (backend === 'pglite' && !stopped) {
        stopped = true;
        await server.stop();
      }
      const db = await openCentralDb(location);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async stop() {
      if (!stopped) await server.stop();
      target.cleanup();
    },
  });
}

async function inProcessWorld(
  backend: ServerBackend,
  users: readonly { username: string; role: Role; displayName?: string }[],
): Promise<SyncWorld> {
  const test = await startTestServer({ backend });
  for (const user of users) await test.createUser({ ...user, password: PASSWORD });
  const port = Number(new URL(test.url).port);
  const unsupported = async () => {
    throw new Error('an in-process server cannot be killed or restarted: use startSyncWorld without inProcess');
  };
  const server: ServerProcess = {
    url: test.url,
    port,
    dataDir: undefined,
    pid: () => process.pid,
    running: () => true,
    output: () => '',
    start: async () => undefined,
    kill9: unsupported,
    stop: unsupported,
    restart: unsupported,
    createUser: unsupported,
    dispose: unsupported,
  };
  return world(backend, server, await startFaultProxy({ targetPort: port }), { withDb: (fn) => fn(test.db), stop: () => test.stop() });
}

function world(
  backend: ServerBackend,
  server: ServerProcess,
  proxy: FaultProxy,
  db: { withDb: SyncWorld['withDb']; stop(): Promise<void> },
): SyncWorld {
  const devices: Device[] = [];
  return {
    backend,
    server,
    proxy,
    devices,
    async device(name, role, username, requestTimeoutMs = 2_000) {
      const device = await openSignedInDevice({ name, role, sync: { requestTimeoutMs } }, proxy.url, username, PASSWORD);
      devices.push(device);
      return device;
    },
    withDb: db.withDb,
    async close() {
      for (const device of devices) device.core.close();
      await proxy.close();
      await db.stop();
    },
  };
}
