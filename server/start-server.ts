import type { FastifyInstance } from 'fastify';
import { openCentralDb, type CentralDb } from './db/central-db';
import { migrateCentral } from './db/migrate-central';
import { buildApp } from './http/build-app';
import { createHttpServer } from './http/create-http-server';
import type { ServerTls } from './tls/certificate-files';

export interface StartServerOptions {
  host?: string;
  port?: number;
  /** PGlite data directory (ignored when a database URL is given). */
  dataDir?: string;
  /** PostgreSQL; default `DATABASE_URL`. */
  databaseUrl?: string;
  /** Reverse proxies in front of the server (hops of X-Forwarded-For trusted); 0 or unset: none. */
  trustProxy?: number;
  /** Serve HTTPS with this certificate and key (see `server/tls/certificate-files.ts`). */
  tls?: ServerTls;
  logLevel?: string;
  /** Where the JSON log lines go (default stdout). */
  logDestination?: { write(line: string): void };
  /** PGlite: start a new, empty data directory from this image (tests start from a migrated template). */
  pgliteImage?: Uint8Array;
  /** Stop gracefully on SIGTERM / SIGINT (the CLI sets it; in-process tests do not). */
  handleSignals?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: CentralDb;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the central database and serves the API. Nothing but the database holds
 * state, so several processes may serve one PostgreSQL database.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const app = createHttpServer({
    logLevel: options.logLevel,
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const log = app.log;
  const db = await openCentralDb({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, pgliteImage: options.pgliteImage });
  let url: string;
  try {
    const migration = await migrateCentral(db, log);
    if (db.kind === 'postgresql') log.info({}, "PostgreSQL backups are the operator's job (pg_dump); see docs/server.md");
    await buildApp({ db, app });
    url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787 });
    log.info(
      {
        url,
        ...(options.tls ? { certificateSha256: options.tls.fingerprint } : {}),
        trustProxyHops: options.trustProxy ?? 0,
        database: db.kind,
        dataDir: db.dataDir,
        schemaVersion: migration.to,
        migrated: migration.applied,
        pid: process.pid,
      },
      'server started',
    );
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'server stopping');
    void close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'server stopped with an error');
        process.exit(1);
      },
    );
  };
  const close = () => {
    closing ??= (async () => {
      if (options.handleSignals) {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
      const started = Date.now();
      try {
        await app.close();
      } finally {
        await db.close();
      }
      log.info({ url, ms: Date.now() - started }, 'server stopped');
    })();
    return closing;
  };
  if (options.handleSignals) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { url, app, db, close };
}
