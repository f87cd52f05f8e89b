import fs from 'node:fs';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, probeRequestsFor } from '../../shared/checks/evaluate';
import type { CollectOutcome } from '../../core/checks/collector-types';
import type { CheckParts } from '../../core/checks/jobs/check-collectors';
import { setCredential } from '../../core/checks/credentials/credential-store';
import { createCheckJobs } from '../../core/checks/jobs/check-jobs';
import { getRunDetail, latestRunsBySite } from '../../core/checks/runs/run-store';
import { makeFacts } from '../support/make-facts';
import { openTestCore, tempDataDir } from '../support/temp-core';
import { openServiceContext, seedCheckSite } from './checks-runs-seed';

const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

const REQUIREMENTS = [
  { kind: 'cpu_cores', description: 'At least 4 cores', params: { min: 4 } },
  { kind: 'hardware_serial', description: 'Serial matches inventory', params: {} },
];

function seeded(targets = 3) {
  const dataDir = tempDataDir('checks-runs');
  const seed = seedCheckSite(
    dataDir,
    Array.from({ length: targets }, (_, i) => ({
      hostName: `host-${i}`,
      address: '127.0.0.1',
      port: 2200 + i,
      username: 'tech',
      expectedSerial: `SER-${i}`,
    })),
    REQUIREMENTS,
  );
  return { dataDir, ...seed };
}

/** A fake collector: only for the runner's bookkeeping (no claims about SSH here). */
function fakeParts(answer: (host: string, signal: AbortSignal) => Promise<CollectOutcome>): CheckParts {
  return {
    async collectMany(items, collect, options) {
      const out = new Map<(typeof items)[number], CollectOutcome>();
      const signal = options.signal ?? new AbortController().signal;
      await Promise.all(items.map(async (item) => out.set(item, await collect(item, signal))));
      return out;
    },
    collectRemote: (target, _probes, signal) => answer(`${target.host}:${target.port}`, signal!),
    collectLocal: () => Promise.resolve({ ok: true, facts: makeFacts({ source: 'local' }), hostKey: null }),
    probeRequestsFor,
    evaluate,
  };
}

const KEY = { algorithm: 'ssh-ed25519', fingerprint: `SHA256:${'A'.repeat(43)}` };

describe('check runs storage', () => {
  it('refuses to change or delete a finished run', async () => {
    const s = seeded(1);
    const { ctx, close } = openServiceContext(s.dataDir);
    closers.push(close);
    const saved = process.env.SSH_AUTH_SOCK;
    delete process.env.SSH_AUTH_SOCK;
    closers.push(() => {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
    });
    ctx.sqlite.transaction(() => setCredential(ctx, { targetId: s.targetIds[0]!, kind: 'agent', useSudo: false }))();
    const jobs = createCheckJobs(
      fakeParts(async () => ({
        ok: true,
        facts: makeFacts({ hardware: { vendor: null, model: null, serial: 'SER-0', boardSerial: null } }),
        hostKey: KEY,
      })),
    );
    const { jobId } = jobs.startRemote(ctx, { siteId: s.siteId, concurrency: 8 });
    const status = await jobs.wait(jobId);
    const runId = status.hosts[0]!.runId!;
    expect(status.hosts[0]!.outcome).toBe('auth_failed'); // no SSH_AUTH_SOCK for an agent credential is reported, not thrown
    expect(() => ctx.sqlite.prepare("UPDATE check_runs SET outcome = 'completed' WHERE id = ?").run(runId)).toThrow(
      /finished and cannot be changed/,
    );
    expect(() => ctx.sqlite.prepare('DELETE FROM check_runs WHERE id = ?').run(runId)).toThrow(/cannot be deleted/);
    expect(getRunDetail(ctx, runId).outcome).toBe('auth_failed');
  });

  it('runs every host in the background, records counts and the difference from the previous run', async () => {
    const s = seeded(3);
    const core = openTestCore({ dataDir: s.dataDir });
    closers.push(() => core.close());
    for (const targetId of s.targetIds) core.call('checks.setCredential', { targetId, kind: 'password', password: 'pw-secret-1' });
    const { ctx, close } = openServiceContext(s.dataDir);
    closers.push(close);
    let cores = 8;
    const jobs = createCheckJobs(
      fakeParts(async (host) => {
        const port = Number(host.split(':')[1]);
        return {
          ok: true,
          facts: makeFacts({
            cpu: { model: null, cores, threads: cores },
            hardware: { vendor: null, model: null, serial: `SER-${port - 2200}`, boardSerial: null },
          }),
          hostKey: KEY,
        };
      }),
    );
    const first = await jobs.wait(jobs.startRemote(ctx, { siteId: s.siteId, concurrency: 2 }).jobId);
    expect(first.state).toBe('finished');
    expect(first.progress).toEqual({ done: 3, total: 3 });
    expect(first.hosts.map((h) => [h.outcome, h.counts])).toEqual(Array(3).fill(['completed', { pass: 2, fail: 0, error: 0, skipped: 0 }]));
    cores = 2;
    const second = await jobs.wait(jobs.startRemote(ctx, { siteId: s.siteId, targetIds: [s.targetIds[1]!], concurrency: 8 }).jobId);
    const detail = getRunDetail(ctx, second.hosts[0]!.runId!);
    expect(detail.counts).toEqual({ pass: 1, fail: 1, error: 0, skipped: 0 });
    const failed = detail.results.find((r) => r.status === 'fail')!;
    expect(failed.expected).not.toBe('');
    expect(failed.actual).toContain('2');
    expect(detail.previousRunId).toBe(first.hosts[1]!.runId);
    expect(detail.difference!.requirements).toEqual([
      { requirementId: s.requirementIds[0], description: 'At least 4 cores', before: 'pass', after: 'fail' },
    ]);
    expect(detail.difference!.facts).toContainEqual({ fact: 'CPU cores', before: '8', after: '2' });
    const latest = latestRunsBySite(ctx, s.siteId);
    expect(latest.targets).toHaveLength(3);
    expect(latest.targets.find((r) => r.targetId === s.targetIds[1])!.id).toBe(detail.id);
    expect(core.call('checks.runs', { targetId: s.targetIds[1]! }).map((r) => r.id)).toEqual([detail.id, first.hosts[1]!.runId]);
  });

  it('cancels a job: running hosts end cancelled, queued hosts never start', async () => {
    const s = seeded(4);
    const core = openTestCore({ dataDir: s.dataDir });
    closers.push(() => core.close());
    for (const targetId of s.targetIds) core.call('checks.setCredential', { targetId, kind: 'password', password: 'pw' });
    const { ctx, close } = openServiceContext(s.dataDir);
    closers.push(close);
    const started: string[] = [];
    const parts = fakeParts(
      (host, signal) =>
        new Promise((resolve) => {
          started.push(host);
          signal.addEventListener('abort', () => resolve({ ok: false, reason: 'cancelled', message: 'Cancelled' }));
        }),
    );
    // A bounded fake pool (2 at once) so that some hosts stay queued.
    parts.collectMany = async (items, collect, options) => {
      const out = new Map<(typeof items)[number], CollectOutcome>();
      const queue = [...items];
      const signal = options.signal!;
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (queue.length && !signal.aborted) {
            const item = queue.shift()!;
            out.set(item, await collect(item, signal));
          }
        }),
      );
      return out;
    };
    const jobs = createCheckJobs(parts);
    const { jobId } = jobs.startRemote(ctx, { siteId: s.siteId, concurrency: 2 });
    await new Promise((r) => setTimeout(r, 20));
    const running = jobs.status(jobId);
    expect(running.state).toBe('running');
    expect(running.hosts.map((h) => h.phase)).toEqual(['connecting', 'connecting', 'queued', 'queued']);
    expect(() => jobs.startRemote(ctx, { siteId: s.siteId, targetIds: [s.targetIds[3]!], concurrency: 1 })).toThrow(
      /being checked already/,
    );
    jobs.cancel(jobId);
    const end = await jobs.wait(jobId);
    expect(end.state).toBe('cancelled');
    expect(started).toHaveLength(2);
    expect(end.hosts.map((h) => h.outcome)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(end.hosts.filter((h) => h.runId !== null)).toHaveLength(2);
  });
});

describe('check this machine', () => {
  it('checks the machine Outpost runs on with the local collector and stores a run without a target', async () => {
    const s = seeded(1);
    const core = openTestCore({ dataDir: s.dataDir });
    closers.push(() => core.close());
    const { jobId } = core.call('checks.checkThisMachine', { siteId: s.siteId });
    let status = core.call('checks.status', { jobId });
    for (let i = 0; status.state === 'running' && i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = core.call('checks.status', { jobId });
    }
    expect(status.state).toBe('finished');
    expect(status.hosts[0]).toMatchObject({ targetId: null, label: 'This machine', outcome: 'completed' });
    const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
    expect(run.facts?.source).toBe('local');
    const cores = run.facts!.cpu.cores!;
    const cpu = run.results.find((r) => r.kind === 'cpu_cores')!;
    expect(cpu.status).toBe(cores >= 4 ? 'pass' : 'fail');
    expect(cpu.actual).toContain(String(cores));
    expect(core.call('checks.latestBySite', { siteId: s.siteId }).thisMachine?.id).toBe(run.id);
  }, 60_000);
});

describe('host keys and credentials', () => {
  it('trusts a first key, refuses a different one until replace, and imports known_hosts', () => {
    const s = seeded(2);
    const core = openTestCore({ dataDir: s.dataDir });
    closers.push(() => core.close());
    const [a, b] = s.targetIds as [string, string];
    const fpA = `SHA256:${'B'.repeat(43)}`;
    const fpB = `SHA256:${'C'.repeat(43)}`;
    expect(core.call('checks.trustHostKey', { targetId: a, fingerprint: fpA, algorithm: 'ssh-ed25519' })).toHaveLength(1);
    const refused = core.dispatch('checks.trustHostKey', { targetId: a, fingerprint: fpB });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('conflict');
    const replaced = core.call('checks.trustHostKey', { targetId: a, fingerprint: fpB, replace: true });
    expect(replaced.map((k) => k.fingerprint)).toEqual([fpB]);

    const blob = (type: string) => {
      const t = Buffer.from(type);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(t.length);
      return Buffer.concat([len, t, randomBytes(32)]);
    };
    const keyB = blob('ssh-ed25519');
    const keyB2 = blob('ecdsa-sha2-nistp256');
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[127.0.0.1]:2201').digest('base64')}`;
    const text = [
      '# comment',
      `[127.0.0.1]:2201 ssh-ed25519 ${keyB.toString('base64')} host-1`,
      `${hashed} ecdsa-sha2-nistp256 ${keyB2.toString('base64')}`,
      `@revoked * ssh-ed25519 ${keyB.toString('base64')}`,
      `@cert-authority *.example ssh-ed25519 ${keyB.toString('base64')}`,
      `other.example ssh-ed25519 ${keyB.toString('base64')}`,
      `broken-line ssh-rsa ${keyB.toString('base64')}`,
    ].join('\n');
    const result = core.call('checks.importKnownHosts', { siteId: s.siteId, text });
    const fp = (k: Buffer) => `SHA256:${createHash('sha256').update(k).digest('base64').replace(/=+$/, '')}`;
    expect(result.pinned).toEqual([
      { targetId: b, hostName: 'host-1', algorithm: 'ssh-ed25519', fingerprint: fp(keyB) },
      { targetId: b, hostName: 'host-1', algorithm: 'ecdsa-sha2-nistp256', fingerprint: fp(keyB2) },
    ]);
    expect(result.skipped.map((x) => x.line)).toEqual([4, 5, 7]);
    expect(result.skipped[0]!.reason).toContain('@revoked');
    expect(result.unmatched).toBe(1);
    const rows = core.call('checks.machines', { siteId: s.siteId });
    expect(rows.find((r) => r.target.id === b)!.hostKeys.every((k) => k.source === 'known_hosts')).toBe(true);
  });

  it('keeps passwords and passphrases out of SQLite, results and the activity log', () => {
    const s = seeded(1);
    const core = openTestCore({ dataDir: s.dataDir });
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const passphrase = `pp-${randomBytes(8).toString('hex')}`;
    const targetId = s.targetIds[0]!;
    const set = core.call('checks.setCredential', { targetId, kind: 'password', password, useSudo: true });
    expect(JSON.stringify(set)).not.toContain(password);
    expect(set).toMatchObject({ kind: 'password', hasSecret: true, useSudo: true });
    expect(core.secrets.get(`ssh:${targetId}:password`)).toBe(password);
    const key = core.call('checks.setCredential', { targetId, kind: 'key', keyPath: '/home/tech/.ssh/id_ed25519', passphrase });
    expect(JSON.stringify(key)).not.toContain(passphrase);
    expect(core.secrets.has(`ssh:${targetId}:password`)).toBe(false);
    expect(JSON.stringify(core.call('checks.machines', { siteId: s.siteId }))).not.toMatch(/pw-|pp-/);
    core.close();
    for (const file of fs.readdirSync(s.dataDir).filter((f) => f.startsWith('outpost.db'))) {
      const bytes = fs.readFileSync(`${s.dataDir}/${file}`);
      expect(bytes.includes(Buffer.from(password)), file).toBe(false);
      expect(bytes.includes(Buffer.from(passphrase)), file).toBe(false);
    }
    const secretsFile = fs.readFileSync(`${s.dataDir}/secrets.json`);
    expect(secretsFile.includes(Buffer.from(passphrase))).toBe(false);
  });
});
