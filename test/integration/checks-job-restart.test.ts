// Check jobs survive a restart: a real SQLite file, real sshd targets, the core in a child process
// killed with SIGKILL mid-job, then opened again here. Finished hosts keep their one run, the others
// are resumed, a host whose credential cannot be read is marked interrupted, and Retry checks it.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKey } from '../../core/checks/credentials/credential-store';
import { DATABASE_FILE_NAME, openCore, type OutpostCore } from '../../core/outpost-core';
import { keyFileCipher } from '../../core/secrets/key-file-cipher';
import { fileSecretStore } from '../../core/secrets/secret-store';
import type { CheckJobStatus } from '../../shared/domain/check-run';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { seedCheckSite } from './checks-runs-seed';

const unavailable = sshdUnavailableReason();

function call<T>(core: OutpostCore, method: string, input: unknown): T {
  const result = core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function until<T>(what: string, read: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ended = (core: OutpostCore, jobId: string) =>
  until('the job to end', () => {
    const status = call<CheckJobStatus>(core, 'checks.status', { jobId });
    return status.state === 'running' ? undefined : status;
  });

describe.skipIf(unavailable !== null)('check jobs survive a restart', () => {
  let sshd: SshdInstance;
  let stall: net.Server;
  const held: net.Socket[] = [];

  beforeAll(async () => {
    sshd = await startSshd();
    // A host that accepts the connection and never says anything: the job is still on it when killed.
    stall = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
  }, 60_000);
  afterAll(async () => {
    for (const s of held) s.destroy();
    stall?.close();
    await sshd?.stop();
  });

  it('resumes the unfinished hosts after SIGKILL, never redoes a stored run, marks an unreadable credential interrupted, and Retry checks it', async () => {
    const stallPort = (stall.address() as net.AddressInfo).port;
    const dataDir = tempDataDir('checks-restart');
    const seed = seedCheckSite(
      dataDir,
      [
        { hostName: 'a-first', address: '127.0.0.1', port: sshd.port, username: sshd.user.name },
        { hostName: 'b-stalled', address: '127.0.0.1', port: stallPort, username: sshd.user.name },
        { hostName: 'c-third', address: '127.0.0.1', port: sshd.port, username: sshd.user.name },
        { hostName: 'd-locked', address: '127.0.0.1', port: sshd.port, username: sshd.user.name },
      ],
      [{ kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } }],
    );
    const [a, b, c, d] = seed.targetIds as [string, string, string, string];
    const setup = openTestCore({ dataDir });
    for (const id of [a, b, c]) setup.call('checks.setCredential', { targetId: id, kind: 'key', keyPath: sshd.user.privateKeyPath });
    setup.call('checks.setCredential', { targetId: d, kind: 'password', password: sshd.user.password });
    for (const id of [a, c, d]) setup.call('checks.trustHostKey', { targetId: id, fingerprint: sshd.hostKeyFingerprint });
    setup.close();

    // The core in a child process, killed once the first host's run is stored and it waits on the second.
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/check-job-child.ts'), dataDir, seed.siteId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const jobId = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString().split('\n')[0]!) as { jobId: string }).jobId));
      child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr.slice(-2000)}`)));
    });
    const reader = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true });
    const runsOf = (target: string) =>
      reader.prepare('SELECT id, outcome FROM check_runs WHERE job_id = ? AND target_id = ?').all(jobId, target) as {
        id: string;
        outcome: string;
      }[];
    const firstRun = await until('the first host to be stored', () => runsOf(a)[0]);
    await until('the second host to be connected', () => (held.length > 0 ? true : undefined));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(firstRun.outcome).toBe('completed');
    expect(reader.prepare('SELECT state FROM check_jobs WHERE id = ?').get(jobId)).toEqual({ state: 'running' });
    expect(reader.prepare('SELECT host_key, state, run_id FROM check_job_hosts WHERE job_id = ? ORDER BY position').all(jobId)).toEqual([
      { host_key: a, state: 'done', run_id: firstRun.id },
      { host_key: b, state: 'queued', run_id: null },
      { host_key: c, state: 'queued', run_id: null },
      { host_key: d, state: 'queued', run_id: null },
    ]);
    expect(reader.prepare('SELECT COUNT(*) AS n FROM check_runs').get()).toEqual({ n: 1 });

    // While it was down: the stalled host went away, and d's password can no longer be read here.
    for (const s of held.splice(0)) s.destroy();
    await new Promise<void>((resolve) => stall.close(() => resolve()));
    fileSecretStore(dataDir, keyFileCipher(dataDir)).delete(secretKey(d, 'password'));

    const core = openCore({ dataDir, shell: 'test', appVersion: '0.0.0-test', resumeCheckJobs: true });
    try {
      const resumed = await ended(core, jobId);
      expect(resumed.state).toBe('finished');
      const byTarget = new Map(resumed.hosts.map((h) => [h.targetId, h]));
      expect(byTarget.get(a)).toMatchObject({ phase: 'done', outcome: 'completed', runId: firstRun.id });
      expect(byTarget.get(b)).toMatchObject({ phase: 'done', outcome: 'unreachable' });
      expect(byTarget.get(c)).toMatchObject({ phase: 'done', outcome: 'completed', counts: { pass: 1, fail: 0, error: 0, skipped: 0 } });
      expect(byTarget.get(d)).toMatchObject({ phase: 'interrupted', runId: null });
      expect(byTarget.get(d)!.message).toMatch(/^Not resumed after the restart: No password stored/);
      // The finished host was not run again: still its one run, with the same id.
      expect(runsOf(a)).toEqual([firstRun]);
      expect(runsOf(b)).toHaveLength(1);
      expect(runsOf(c)).toHaveLength(1);
      expect(runsOf(d)).toHaveLength(0);
      expect(reader.prepare('SELECT state FROM check_jobs WHERE id = ?').get(jobId)).toEqual({ state: 'finished' });

      const interrupted = call<{ jobId: string; targetId: string; label: string; message: string }[]>(core, 'checks.interrupted', {
        siteId: seed.siteId,
      });
      expect(interrupted).toEqual([expect.objectContaining({ jobId, targetId: d, label: 'd-locked' })]);

      // The technician enters the password again and retries: the same job checks d, and only d.
      call(core, 'checks.setCredential', { targetId: d, kind: 'password', password: sshd.user.password });
      expect(call<{ jobId: string }>(core, 'checks.retryInterrupted', { jobId })).toEqual({ jobId });
      const retried = await ended(core, jobId);
      expect(retried.hosts.find((h) => h.targetId === d)).toMatchObject({ phase: 'done', outcome: 'completed' });
      expect(runsOf(d)).toHaveLength(1);
      expect(runsOf(a)).toEqual([firstRun]);
      expect(reader.prepare('SELECT COUNT(*) AS n FROM check_runs').get()).toEqual({ n: 4 });
      expect(call<unknown[]>(core, 'checks.interrupted', { siteId: seed.siteId })).toEqual([]);
      const retryAgain = core.dispatch('checks.retryInterrupted', { jobId });
      expect(retryAgain.ok).toBe(false);
    } finally {
      core.close();
      reader.close();
    }
  }, 120_000);
});
