import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/free-port';
export { freePort };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'launcher', 'cli.mjs');

export interface CentralUser {
  username: string;
  displayName: string;
  role: 'technician' | 'release_manager' | 'administrator';
  password: string;
}

/**
 * The built central server (`node dist/launcher/cli.mjs server start`) on PGlite in a temporary data
 * directory, for the end-to-end specs: started, stopped with SIGTERM (graceful) and started again on
 * the same data and port. Needs `npm run build`.
 */
export interface CentralServer {
  url: string;
  port: number;
  dataDir: string;
  running(): boolean;
  /** Everything the server and the CLI printed so far (for failure messages). */
  output(): string;
  start(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /** `server user create … --password-stdin`. */
  createUser(user: CentralUser): Promise<void>;
  /** Stops the server if it runs and removes the data directory. */
  dispose(): Promise<void>;
}

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OUTPOST_LOG_LEVEL: 'warn', OUTPOST_SERVER_DATA: dataDir };
  delete env.DATABASE_URL;
  return env;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The central server exited (${child.exitCode ?? child.signalCode}) before answering /health:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The central server did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

/** Runs one CLI command to its end; rejects with its output when it fails. */
function runCli(args: string[], env: NodeJS.ProcessEnv, stdin: string, log: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
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

/** A central server on a free loopback port and a fresh PGlite directory; not started yet. */
export async function createCentralServer(options: { readyTimeoutMs?: number } = {}): Promise<CentralServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-central-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = serverEnv(dataDir);
  let child: ChildProcess | null = null;
  let log = '';
  const append = (text: string) => {
    log += text;
    if (log.length > 200_000) log = log.slice(-100_000);
  };

  const server: CentralServer = {
    url,
    port,
    dataDir,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    output: () => log,
    async start() {
      if (server.running()) return;
      const started = spawn(process.execPath, [CLI, 'server', 'start', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout!.on('data', (c: Buffer) => append(c.toString()));
      started.stderr!.on('data', (c: Buffer) => append(c.toString()));
      await waitHealthy(url, started, options.readyTimeoutMs ?? 30_000, () => log);
    },
    async stop() {
      const current = child;
      if (!current) return;
      if (server.running()) current.kill('SIGTERM');
      await exited(current);
      child = null;
    },
    async createUser(user) {
      await runCli(
        ['server', 'user', 'create', '--data-dir', dataDir, '--username', user.username, '--display-name', user.displayName, '--role', user.role, '--password-stdin'],
        env,
        `${user.password}\n`,
        append,
      );
    },
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
