// One child process of a start-up step: its output forwarded line by line, a heartbeat while it is
// quiet (downloads print nothing for minutes), and a hard time limit that kills the whole process
// tree (node-gyp and friends start their own children).
import { spawn, spawnSync } from 'node:child_process';

export interface TimedProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Every forwarded output line (stdout and stderr, in arrival order). */
  onLine: (line: string) => void;
  /** Called every heartbeatMs with the seconds elapsed, so the user sees the step is alive. */
  onHeartbeat?: (elapsedSeconds: number) => void;
  heartbeatMs?: number;
}

export type TimedProcessResult =
  | { outcome: 'exited'; code: number; lines: string[] }
  | { outcome: 'timed-out'; lines: string[] }
  | { outcome: 'not-started'; message: string; lines: string[] };

/** Kill the child and everything it started: a process group on POSIX, taskkill /T on Windows. */
function killTree(pid: number): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function lineSplitter(onLine: (line: string) => void): { push(chunk: Buffer): void; flush(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk.toString('utf8');
      const parts = pending.split(/\r?\n|\r/);
      pending = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) onLine(part);
    },
    flush() {
      if (pending.trim()) onLine(pending);
      pending = '';
    },
  };
}

export function runTimedProcess(options: TimedProcessOptions): Promise<TimedProcessResult> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    const record = (line: string) => {
      lines.push(line);
      options.onLine(line);
    };
    const child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group on POSIX so a time-out can kill grandchildren too.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const out = lineSplitter(record);
    const err = lineSplitter(record);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));

    const started = Date.now();
    let settled = false;
    const finish = (result: TimedProcessResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(limit);
      clearInterval(heartbeat);
      resolve(result);
    };
    const limit = setTimeout(() => {
      if (child.pid !== undefined) killTree(child.pid);
      out.flush();
      err.flush();
      finish({ outcome: 'timed-out', lines });
    }, options.timeoutMs);
    const heartbeat = setInterval(() => options.onHeartbeat?.(Math.round((Date.now() - started) / 1000)), options.heartbeatMs ?? 10_000);

    child.on('error', (error) => finish({ outcome: 'not-started', message: error.message, lines }));
    child.on('close', (code, signal) => {
      out.flush();
      err.flush();
      finish({ outcome: 'exited', code: code ?? (signal ? 128 : 1), lines });
    });
  });
}
