// An in-process central server for the server suites: PGlite in a temporary directory, or a fresh
// database on a real PostgreSQL cluster (one cluster per test file, started on first use and
// stopped when the file's process exits). Requests to it: test/support/wire-client.ts. The server as
// a child process (killed, restarted, the built CLI): test/support/server-process.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/domain/enums';
import type { ServerUser } from '../../shared/sync/wire';
import { createUser } from '../../server/accounts/users';
import { openCentralDb, type CentralDb } from '../../server/db/central-db';
import { migrateCentral, type MigrationLog } from '../../server/db/migrate-central';
import { centralMigrations } from '../../migrations/central';
import { startServer, type RunningServer } from '../../server/start-server';
import type { ServerTls } from '../../server/tls/certificate-files';
import { startPostgres, type PostgresInstance, type PostgresOptions } from './postgres-harness';

export const SERVER_BACKENDS = ['pglite', 'postgresql'] as const;
export type ServerBackend = (typeof SERVER_BACKENDS)[number];

export interface TestServer {
  url: string;
  backend: ServerBackend;
  db: CentralDb;
  /** PGlite data directory or PostgreSQL connection string of this server's database. */
  location: string;
  createUser(user: { username: string; displayName?: string; role: Role; password: string }): Promise<ServerUser>;
  server: RunningServer;
  stop(): Promise<void>;
}

let cluster: Promise<PostgresInstance> | null = null;

/** The test file's PostgreSQL cluster (started once). */
export function sharedPostgres(options?: PostgresOptions): Promise<PostgresInstance> {
  cluster ??= startPostgres(options);
  return cluster;
}

const quiet: MigrationLog = { info: () => undefined, warn: () => undefined };
const pgliteTemplates = new Map<'empty' | 'migrated', Promise<Uint8Array>>();

const TEMPLATE_CACHE = path.join(os.tmpdir(), 'outpost-pglite-templates');

/** Names a template by what makes it: the PGlite version and, when migrated, every central migration. */
function templateKey(kind: 'empty' | 'migrated'): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite'); // <package>/dist/index.cjs
  const pgliteVersion = (
    JSON.parse(fs.readFileSync(path.resolve(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const migrations = kind === 'migrated' ? centralMigrations.map((m) => `${m.version}:${m.sql}`).join('\n') : '';
  return createHash('sha256').update(`${kind}\n${pgliteVersion}\n${migrations}`).digest('hex').slice(0, 24);
}

/**
 * A PGlite data directory image: `empty` (initialised, never migrated) or `migrated`. Creating a
 * PGlite directory runs initdb in WebAssembly (seconds); loading an image is several times faster.
 * Made once per machine (cached in the temp directory, named by PGlite version and migrations) and
 * once per test process in memory.
 */
export function pgliteTemplate(kind: 'empty' | 'migrated'): Promise<Uint8Array> {
  let image = pgliteTemplates.get(kind);
  if (!image) {
    image = (async () => {
      const cached = path.join(TEMPLATE_CACHE, `${kind}-${templateKey(kind)}.tar.gz`);
      if (fs.existsSync(cached)) return new Uint8Array(fs.readFileSync(cached));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-pglite-template-'));
      const db = await openCentralDb({
        dataDir: path.join(dir, 'data'),
        pgliteImage: kind === 'migrated' ? await pgliteTemplate('empty') : undefined,
      });
      try {
        if (kind === 'migrated') await migrateCentral(db, quiet);
        const bytes = await db.dumpDataDir();
        fs.mkdirSync(TEMPLATE_CACHE, { recursive: true });
        const partial = `${cached}.${process.pid}.partial`;
        fs.writeFileSync(partial, bytes);
        fs.renameSync(partial, cached);
        return bytes;
      } finally {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    pgliteTemplates.set(kind, image);
  }
  return image;
}

export interface FreshDatabase {
  dataDir?: string;
  databaseUrl?: string;
  /** PGlite: the image the new directory starts from (pass the whole object to openCentralDb). */
  pgliteImage?: Uint8Array;
  cleanup(): void;
}

/** A new database of the backend: an unmigrated one by default, or `migrated`. */
export async function freshDatabase(backend: ServerBackend, options: { migrated?: boolean } = {}): Promise<FreshDatabase> {
  if (backend === 'postgresql') {
    const databaseUrl = await (await sharedPostgres()).createDatabase();
    if (options.migrated) {
      const db = await openCentralDb({ databaseUrl });
      await migrateCentral(db, quiet).finally(() => db.close());
    }
    return { databaseUrl, cleanup: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-server-test-'));
  return {
    dataDir: path.join(dir, 'data'),
    pgliteImage: await pgliteTemplate(options.migrated ? 'migrated' : 'empty'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestServerOptions {
  backend: ServerBackend;
  logLevel?: string;
  /** Serve HTTPS with this pair (see `test/support/test-certificate.ts`). */
  tls?: ServerTls;
  /** Reverse proxies trusted in front of the server. */
  trustProxy?: number;
  /** Receives the server's JSON log lines instead of stdout. */
  logDestination?: { write(line: string): void };
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const target = await freshDatabase(options.backend, { migrated: true });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    pgliteImage: target.pgliteImage,
    logLevel: options.logLevel ?? process.env.OUTPOST_LOG_LEVEL ?? 'warn',
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
  });
  let stopped = false;
  return {
    url: server.url,
    backend: options.backend,
    db: server.db,
    location: target.dataDir ?? target.databaseUrl!,
    server,
    createUser: (user) => createUser(server.db, { displayName: user.displayName ?? user.username, ...user }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      target.cleanup();
    },
  };
}
