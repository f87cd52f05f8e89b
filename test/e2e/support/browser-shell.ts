import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const LAUNCHER = path.join(ROOT, 'dist', 'launcher', 'start.mjs');

export interface RunningShell {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  /** The launch-to-listening time as seen from outside, in ms. */
  startedInMs: number;
  /** Calls the API the way the renderer does. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built browser shell (`node dist/launcher/start.mjs --browser`) and waits for its URL. */
export function startBrowserShell(dataDir: string, extraArgs: string[] = []): Promise<RunningShell> {
  const started = performance.now();
  const child = spawn(process.execPath, [LAUNCHER, '--browser', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OUTPOST_LOG_LEVEL: 'warn' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser shell did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, origin, token] = match as unknown as [string, string, string];
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        process: child,
        startedInMs: performance.now() - started,
        call: async <T>(method: string, input: unknown) => {
          const res = await fetch(`${origin}/api/${method}`, {
            method: 'POST',
            // A fresh connection per call: the shell closes an idle kept-alive one on a timer, and when a
            // long task (a PDF) held its one thread, that timer and the next request race (ECONNRESET).
            headers: { 'content-type': 'application/json', 'x-outpost-token': token, connection: 'close' },
            body: JSON.stringify(input),
          });
          const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
          if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
          return body.value as T;
        },
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser shell exited with ${code}:\n${output}`));
    });
  });
}
