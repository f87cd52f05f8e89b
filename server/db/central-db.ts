import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { centralSchema } from './schema';

/**
 * The central database: an embedded PGlite in a data directory (the default, nothing to install) or
 * a PostgreSQL server (`DATABASE_URL`). Everything above this file works on both through
 * `CentralDb`: drizzle for typed queries, `query`/`run`/`exec` for parameterized SQL (`$1`, `$2`, …),
 * `transaction` for work that commits or rolls back as one.
 *
 * BIGINT columns come back as JavaScript numbers on both drivers (sequences and sizes stay far below
 * 2^53); TIMESTAMPTZ as Date; JSONB parsed; BYTEA as Buffer (node-postgres) or Uint8Array (PGlite).
 */

export type CentralDrizzle = PgDatabase<PgQueryResultHKT, typeof centralSchema>;
export type CentralDbKind = 'pglite' | 'postgresql';

export type SqlRow = Record<string, unknown>;

/** What a transaction and the database both offer. */
export interface CentralQueries {
  /** Drizzle over this connection (inside a transaction: over the transaction). */
  readonly db: CentralDrizzle;
  /** One parameterized statement; its rows. */
  query<R = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** One parameterized statement; how many rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<{ rowCount: number }>;
  /** Several statements without parameters (migrations). */
  exec(sqlText: string): Promise<void>;
}

export type CentralTx = CentralQueries;

export interface CentralDb extends CentralQueries {
  readonly kind: CentralDbKind;
  /** The PGlite data directory (null on PostgreSQL). */
  readonly dataDir: string | null;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside,
   * use only `tx` (on PGlite, whose one connection is held by the transaction, using the database
   * itself is refused with an error instead of waiting forever).
   */
  transaction<T>(fn: (tx: CentralTx) => Promise<T>): Promise<T>;
  /** PGlite only: the data directory as a gzipped tar (the backup before a migration). */
  dumpDataDir(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface OpenCentralDbOptions {
  /** PGlite data directory; default `OUTPOST_SERVER_DATA` or `./.outpost-server-data`. Ignored with `databaseUrl`; wins over the DATABASE_URL variable. */
  dataDir?: string;
  /** A PostgreSQL connection string; default `DATABASE_URL`. */
  databaseUrl?: string;
  /** Pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /** PGlite only: start a new (empty) data directory from this `dumpDataDir` image (tests use a migrated template). */
  pgliteImage?: Uint8Array;
}

export function defaultServerDataDir(): string {
  return path.resolve(process.env.OUTPOST_SERVER_DATA ?? '.outpost-server-data');
}

export async function openCentralDb(options: OpenCentralDbOptions = {}): Promise<CentralDb> {
  // An explicit URL or data directory wins; then DATABASE_URL; then the default PGlite directory.
  const databaseUrl = options.databaseUrl ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  if (databaseUrl) return openPostgres(databaseUrl, options.poolSize ?? 10);
  return openPglite(path.resolve(options.dataDir ?? defaultServerDataDir()), options.pgliteImage);
}

const INT8_OID = 20;
const toNumber = (value: string) => Number(value);

// ---- PostgreSQL -----------------------------------------------------------------------------

function openPostgres(connectionString: string, max: number): CentralDb {
  const typeParsers = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary' ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, max, types: typeParsers });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const queriesOver = (client: pg.Pool | pg.PoolClient): CentralQueries => ({
    db: drizzleNodePg(client, { schema: centralSchema }) as unknown as CentralDrizzle,
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as R[];
    },
    async run(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return { rowCount: result.rowCount ?? 0 };
    },
    async exec(sqlText: string) {
      await client.query(sqlText);
    },
  });
  return {
    kind: 'postgresql',
    dataDir: null,
    ...queriesOver(pool),
    async transaction<T>(fn: (tx: CentralTx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(queriesOver(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
    async dumpDataDir() {
      throw new Error('A PostgreSQL database is backed up by its operator (pg_dump), not by the server.');
    },
    async close() {
      await pool.end();
    },
  };
}

// ---- PGlite ---------------------------------------------------------------------------------

async function openPglite(dataDir: string, image?: Uint8Array): Promise<CentralDb> {
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const fresh = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
    const loadDataDir = image && fresh ? new Blob([new Uint8Array(image)]) : undefined;
    client = await PGlite.create(dataDir, { parsers: { [pgliteTypes.INT8]: toNumber }, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (error) {
    lock.release();
    throw error;
  }
  // PGlite runs one statement at a time on one connection and holds it for a whole transaction
  // (its own mutex queues every other query until COMMIT). A query on the database from inside a
  // transaction would therefore wait forever: refuse it instead.
  const inTransaction = new AsyncLocalStorage<boolean>();
  const guard = () => {
    if (inTransaction.getStore()) throw new Error('Inside a transaction use its tx, not the database (PGlite has one connection).');
  };
  const guardedClient = {
    query: (...args: Parameters<PGlite['query']>) => {
      guard();
      return client.query(...args);
    },
    transaction: <T>(callback: Parameters<PGlite['transaction']>[0]) => {
      guard();
      return client.transaction(callback) as Promise<T>;
    },
  };
  type PgliteLike = Pick<PGlite, 'query' | 'exec'>;
  const queriesOver = (target: PgliteLike, drizzleDb: CentralDrizzle, checked: boolean): CentralQueries => ({
    db: drizzleDb,
    async query<R>(text: string, params: readonly unknown[] = []) {
      if (checked) guard();
      const result = await target.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async run(text: string, params: readonly unknown[] = []) {
      if (checked) guard();
      const result = await target.query(text, params as unknown[]);
      return { rowCount: result.affectedRows ?? 0 };
    },
    async exec(sqlText: string) {
      if (checked) guard();
      await target.exec(sqlText);
    },
  });
  let closed = false;
  return {
    kind: 'pglite',
    dataDir,
    ...queriesOver(client, drizzlePglite(guardedClient as unknown as PGlite, { schema: centralSchema }) as unknown as CentralDrizzle, true),
    async transaction<T>(fn: (tx: CentralTx) => Promise<T>): Promise<T> {
      guard();
      return client.transaction((tx) =>
        inTransaction.run(true, () =>
          fn(queriesOver(tx, drizzlePglite(tx as unknown as PGlite, { schema: centralSchema }) as unknown as CentralDrizzle, false)),
        ),
      );
    },
    async dumpDataDir() {
      guard();
      const dump = await client.dumpDataDir('gzip');
      return new Uint8Array(await dump.arrayBuffer());
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}
