import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Role } from '../../shared/domain/enums';
import { freePort } from './free-port';
export { freePort };

/**
 * The central server (`outpost server start`) as a child process, the one harness for the fault
 * tests, the sync benchmark and the end-to-end specs: on a PGlite data directory (a fresh temporary
 * one unless given) or a PostgreSQL `DATABASE_URL` and a fixed port; started, stopped with SIGTERM
 * (graceful) or killed with SIGKILL (requests in flight lost) and started again on the same database
 * and port; users made with the CLI as an administrator would. The in-process server of the server
 * suites is test/support/central-server.ts.
 *
 * `cli: 'bundled'` (default) bundles the CLI with esbuild, the way build/build-node.mjs bundles
 * dist/launcher/cli.mjs, into a private folder per test process: several engineers and test files
 * share dist/, and a build elsewhere must not delete the server under a test that is about to restart
 * it. `cli: 'dist'` runs the built dist/launcher/cli.mjs: the end-to-end specs test what
 * `npm run build` made.
 */
export interface ServerProcessOptions {
  /** PGlite data directory (ignored when `databaseUrl` is set); default: a new temporary one, removed by `dispose`. */
  dataDir?: string;
  databaseUrl?: string;
  /** Default: a free port chosen once and kept across restarts. */
  port?: number;
  /** Extra environment. */
  env?: Record<string, string>;
  /** How long to wait for GET /health (default 30 s). */
  readyTimeoutMs?: number;
  cli?: 'bundled' | 'dist';
}

/** A user made with `outpost server user create … --password-stdin`. */
export interface ServerUserSpec {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface ServerProcess {
  url: string;
  port: number;
  /** The PGlite data directory (undefined on PostgreSQL). */
  dataDir: string | undefined;
  pid(): number | undefined;
  running(): boolean;
  /** The child's stdout and stderr so far, and the CLI commands run (for failure messages). */
  output(): string;
  /** Starts it (when not running) and waits until it answers /health. */
  start(): Promise<void>;
  /** SIGKILL, then waits for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then waits for the exit. */
  stop(): Promise<void>;
  /** Waits for the exit of a killed or stopped server, then starts it again on the same database and port. */
  restart(): Promise<void>;
  /** `server user create` with the CLI (works while the server runs or not). */
  createUser(user: ServerUserSpec): Promise<void>;
  /** Stops the server and removes the temporary data directory it made. */
  dispose(): Promise<void>;
}

/** The CLI that `npm run build` makes. */
export const DIST_CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'launcher', 'cli.mjs');

const SERVER_PACKAGES = ['better-sqlite3', 'electron', 'ssh2', 'pg', '@electric-sql/pglite', 'fastify', 'pino'];
let bundled: Promise<string> | null = null;

/** A test worker killed before its exit hook ran leaves its bundle behind: drop those of processes that are gone. */
function removeBundlesOfDeadProcesses(cache: string): void {
  if (!fs.existsSync(cache)) return;
  for (const entry of fs.readdirSync(cache)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(cache, entry), { recursive: true, force: true });
    }
  }
}

/** The CLI bundled for this test process (node_modules/.cache keeps it beside the packages it imports). */
export function serverCli(): Promise<string> {
  bundled ??= (async () => {
    const cache = path.resolve('node_modules/.cache/outpost-test-server');
    removeBundlesOfDeadProcesses(cache);
    const outfile = path.join(cache, String(process.pid), 'cli.mjs');
    await build({
      entryPoints: [path.resolve('launcher/cli.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
      external: SERVER_PACKAGES,
      banner: {
        js: "import { createRequire as __outpostCreateRequire } from 'node:module'; const require = __outpostCreateRequire(import.meta.url);",
      },
    });
    process.once('exit', () => fs.rmSync(path.dirname(outfile), { recursive: true, force: true }));
    return outfile;
  })();
  return bundled;
}

/** Environment that points the server CLI at the chosen database. */
export function serverEnv(options: Pick<ServerProcessOptions, 'dataDir' | 'databaseUrl' | 'env'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPOST_LOG_LEVEL: process.env.OUTPOST_LOG_LEVEL ?? 'warn', ...options.env };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else if (options.dataDir) env.OUTPOST_SERVER_DATA = options.dataDir;
  return env;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before answering /health:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const live = new Set<ChildProcess>();
let hook = false;
function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hook) return;
  hook = true;
  process.on('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/** Runs one CLI command to its end; rejects with its output when it fails. */
function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv, stdin: string, log: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let text = '';
    child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      log(`$ outpost ${args.join(' ')}\n${text}`);
      if (code === 0) resolve();
      else reject(new Error(`outpost ${args.join(' ')} exited with ${code}:\n${text}`));
    });
    child.stdin!.end(stdin);
  });
}

/** A server on its database and port, not started yet (users can be made first). */
export async function createServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const cli = options.cli === 'dist' ? DIST_CLI : await serverCli();
  const madeDir = !options.dataDir && !options.databaseUrl ? fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-central-')) : null;
  const dataDir = options.databaseUrl ? undefined : (options.dataDir ?? madeDir!);
  const env = serverEnv({ ...options, dataDir });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | null = null;
  const append = (text: string) => {
    log += text;
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  const output = () => log.slice(-8000);
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  const launch = async () => {
    const started = spawn(process.execPath, [cli, 'server', 'start', '--port', String(port), '--host', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    killOnExit(started);
    started.stdout?.on('data', (chunk: Buffer) => append(chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => append(chunk.toString()));
    await waitHealthy(url, started, options.readyTimeoutMs ?? 30_000, output);
  };
  const server: ServerProcess = {
    url,
    port,
    dataDir,
    pid: () => child?.pid,
    running,
    output,
    async start() {
      if (!running()) await launch();
    },
    async kill9() {
      child?.kill('SIGKILL');
      if (child) await exited(child);
    },
    async stop() {
      if (running()) child!.kill('SIGTERM');
      if (child) await exited(child);
    },
    async restart() {
      if (child) await exited(child);
      await launch();
    },
    async createUser(user) {
      const args = [
        'server',
        'user',
        'create',
        '--username',
        user.username,
        '--display-name',
        user.displayName,
        '--role',
        user.role,
        '--password-stdin',
      ];
      await runCli(cli, dataDir ? [...args, '--data-dir', dataDir] : args, env, `${user.password}\n`, append);
    },
    async dispose() {
      await server.stop();
      if (madeDir) fs.rmSync(madeDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A server started on the given database and port. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!options.dataDir && !options.databaseUrl)
    throw new Error('startServerProcess: give dataDir or databaseUrl (createServerProcess makes a temporary PGlite directory)');
  const server = await createServerProcess(options);
  await server.start();
  return server;
}
