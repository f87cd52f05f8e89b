// The real launcher (launcher/start.ts through tsx, a real process): --browser skips the setup;
// without a reachable Electron mirror the setup fails in one line naming the step, and the browser
// shell starts anyway, well within the time limit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/support/fake-electron-release';
import { electronBinaryPath } from '../electron-binary';
import { findProjectRoot } from '../project-paths';

const root = findProjectRoot();
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
// Where Electron and its SQLite module are both present, npm start would open a real window.
const electronReady = electronBinaryPath(path.join(root, 'node_modules', 'electron')) !== null;

let running: ChildProcessWithoutNullStreams | undefined;
let dataDir: string | undefined;

afterEach(() => {
  if (running?.pid !== undefined && running.exitCode === null) process.kill(-running.pid, 'SIGTERM');
  running = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** When each output line arrived (ms since the epoch), to time the setup apart from tsx's own start-up. */
let arrivals: { line: string; at: number }[] = [];

/** Starts the launcher and resolves with its output once the browser shell says where to open it. */
function startUntilOpen(args: string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<string> {
  arrivals = [];
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'outpost-start-fallback-'));
  const child = spawn(
    process.execPath,
    [tsxCli, path.join(root, 'launcher', 'start.ts'), '--no-open', '--port', '0', '--data-dir', dataDir, ...args],
    {
      cwd: root,
      env: { ...process.env, OUTPOST_LOG_LEVEL: 'warn', ...env },
      detached: true,
    },
  );
  running = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Open:" line within ${limitMs} ms:\n${output}`)), limitMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) arrivals.push({ line, at: Date.now() });
      output += text;
      if (/^Open: http:\/\/127\.0\.0\.1:\d+\//m.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`launcher exited (${code}) before the browser shell was up:\n${output}`)));
  });
}

describe.skipIf(electronReady)('npm start fallback (real launcher process)', () => {
  it('--browser skips every setup step', async () => {
    const output = await startUntilOpen(['--browser'], {}, 60_000);
    expect(output).toContain('Outpost (browser shell) is running.');
    expect(output).not.toContain('Setting up the Electron window');
    expect(output).not.toContain('Starting the browser shell instead');
  }, 90_000);

  it('no Electron mirror to reach: one line names the failed step, then the browser shell starts within the time limit', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'outpost-start-fallback-cache-'));
    try {
      const output = await startUntilOpen(
        [],
        {
          ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
          electron_config_cache: cache,
          npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${await closedPort()}`,
          OUTPOST_START_STEP_TIMEOUT: '15',
        },
        60_000,
      );
      // On this Node the first failing step is either the Node version (older than the electron
      // package's engines) or the download itself; either way exactly one line says which and why.
      const failures = output
        .split('\n')
        .filter((line) => line.startsWith('Starting the browser shell instead of the Electron window: step "'));
      expect(failures, output).toHaveLength(1);
      expect(failures[0]).toMatch(/step "(Node version|Electron binary|Electron SQLite module)" failed: \S/);
      expect(output.indexOf(failures[0]!)).toBeLessThan(output.indexOf('Outpost (browser shell) is running.'));
      // From the first setup line to the fallback line: within the 15 s step limit (nothing answers at once).
      const setupStarted = arrivals.find((a) => a.line.startsWith('Setting up the Electron window'))!.at;
      const fellBack = arrivals.find((a) => a.line === failures[0])!.at;
      expect(fellBack - setupStarted).toBeLessThan(15_000);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 90_000);
});
