import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { freePort } from './free-port';
export { freePort };

/**
 * The built central server (`outpost server start`) as a child process, for the fault tests:
 * started on a PGlite data directory or a PostgreSQL `DATABASE_URL` and a fixed port, killed with
 * SIGKILL (no graceful shutdown, requests in flight lost) and started again on the same database and
 * port.
 *
 * The CLI is bundled by esbuild, the way build/build-node.mjs bundles dist/launcher/cli.mjs, into a
 * private folder per test process: several engineers and test files share dist/, and a build
 * elsewhere must not delete the server under a test that is about to restart it.
 */
export interface ServerProcessOptions {
  /** PGlite data directory (ignored when `databaseUrl` is set). */
  dataDir?: string;
  databaseUrl?: string;
  /** Default: a free port chosen once and kept across restarts. */
  port?: number;
  /** Extra environment. */
  env?: Record<string, string>;
  /** How long to wait for GET /health (default 30 s). */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid(): number | undefined;
  /** The child's stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGKILL, then waits for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same database and port and waits until it answers /health. */
  restart(): Promise<void>;
}

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
      banner: { js: "import { createRequire as __outpostCreateRequire } from 'node:module'; const require = __outpostCreateRequire(import.meta.url);" },
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

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const cli = await serverCli();
  if (!options.dataDir && !options.databaseUrl) throw new Error('startServerProcess: give dataDir or databaseUrl');
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;
  const output = () => log.slice(-8000);
  const launch = async () => {
    child = spawn(process.execPath, [cli, 'server', 'start', '--port', String(port), '--host', '127.0.0.1'], {
      env: serverEnv(options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    killOnExit(child);
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitHealthy(url, child, options.readyTimeoutMs ?? 30_000, output);
  };
  await launch();
  return {
    url,
    port,
    pid: () => child.pid,
    output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
    async restart() {
      await exited(child);
      await launch();
    },
  };
}
