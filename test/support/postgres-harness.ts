// A real PostgreSQL (Debian `postgresql`, version 15) for the server suites and the benchmark.
//
// Each cluster: initdb into a fresh temporary directory, then `pg_ctl start` listening on a free
// 127.0.0.1 port with its unix socket inside the same directory, trust authentication for the
// `postgres` role. PostgreSQL refuses to run as root and the tests run as root, so the directory is
// handed to the `postgres` system user and the binaries run through `runuser -u postgres --`. The
// cluster is stopped (immediate mode) and its directory removed by `stop()`, and also when the test
// process ends, however it ends (an exit hook, and a detached watchdog for signals and SIGKILL).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresOptions {
  /** `fsync=off`, `synchronous_commit=off`, `full_page_writes=off`: faster tests. Default true; the benchmark passes false. */
  fast?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

export interface PostgresInstance {
  /** Connection string of the `postgres` database. */
  url: string;
  port: number;
  /** Creates a fresh database (a generated name by default) and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why PostgreSQL tests cannot run here, or null. */
export function postgresUnavailableReason(): string | null {
  for (const bin of ['initdb', 'pg_ctl', 'postgres']) {
    if (!fs.existsSync(path.join(POSTGRES_BIN, bin))) {
      return `${path.join(POSTGRES_BIN, bin)} is missing: install the Debian package postgresql (.ci/run does)`;
    }
  }
  return null;
}

const asRoot = process.getuid?.() === 0;

function runAsPostgres(bin: string, args: string[]): void {
  const command = path.join(POSTGRES_BIN, bin);
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

const running = new Set<string>();

function stopCluster(dir: string): void {
  if (!running.delete(dir)) return;
  try {
    runAsPostgres('pg_ctl', ['stop', '-D', path.join(dir, 'data'), '-m', 'immediate', '-w', '-t', '20']);
  } catch {
    // Already stopped.
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A detached watchdog per cluster: when this test process is gone (normal exit, SIGTERM from the
 * test runner, SIGKILL), it stops the cluster and removes its directory. The exit hook below covers
 * the normal case at once; the watchdog covers the rest within a second.
 */
function startWatchdog(dir: string): void {
  const dataDir = path.join(dir, 'data');
  const stop = `${asRoot ? 'runuser -u postgres -- ' : ''}${path.join(POSTGRES_BIN, 'pg_ctl')} stop -D '${dataDir}' -m immediate -w -t 20`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; if [ -f '${dataDir}/postmaster.pid' ]; then ${stop} >/dev/null 2>&1; fi; rm -rf '${dir}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
}

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const dir of [...running]) stopCluster(dir);
  });
}

let databaseCounter = 0;

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresInstance> {
  const unavailable = postgresUnavailableReason();
  if (unavailable) throw new Error(unavailable);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'socket');
  fs.mkdirSync(socketDir);
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0) throw new Error('The system user "postgres" is missing: install the Debian package postgresql.');
    const uid = Number(ids.stdout.trim());
    const gid = Number(gids.stdout.trim());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(socketDir, uid, gid);
  }
  installExitHook();
  startWatchdog(dir);
  runAsPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-instructions', '--no-sync']);
  running.add(dir);
  const port = await freePort();
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: socketDir,
    max_connections: 200,
    ...(options.fast === false ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  try {
    runAsPostgres('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', path.join(dir, 'postgres.log'), '-o', serverOptions]);
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'postgres.log')) ? fs.readFileSync(path.join(dir, 'postgres.log'), 'utf8') : '';
    stopCluster(dir);
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  const urlOf = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlOf('postgres'),
    port,
    async createDatabase(name) {
      databaseCounter += 1;
      const database = name ?? `outpost_${process.pid}_${databaseCounter}`;
      if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Not a plain database name: ${database}`);
      const client = new pg.Client({ connectionString: urlOf('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${database}`);
      } finally {
        await client.end();
      }
      return urlOf(database);
    },
    async stop() {
      stopCluster(dir);
    },
  };
}
