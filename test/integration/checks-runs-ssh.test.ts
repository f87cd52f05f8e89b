import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJobStatus } from '../../shared/domain/check-run';
import { checkCommand } from '../../launcher/commands/check-command';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { openTestCore, tempDataDir, type TestCore } from '../support/temp-core';
import { seedCheckSite } from './checks-runs-seed';

const unavailable = sshdUnavailableReason();

async function runToEnd(core: TestCore, start: () => { jobId: string }): Promise<CheckJobStatus> {
  const { jobId } = start();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = core.call('checks.status', { jobId });
    if (status.state !== 'running') return status;
    if (Date.now() > deadline) throw new Error('check job did not end in 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const REQUIREMENTS = [
  { kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } },
  { kind: 'package', description: 'Package outpost-never-installed present', params: { name: 'outpost-never-installed' } },
  { kind: 'file', description: '/etc/passwd exists', params: { path: '/etc/passwd' } },
];

describe.skipIf(unavailable !== null)('check runs against real sshd', () => {
  let sshd: SshdInstance;
  let dataDir: string;
  let seed: ReturnType<typeof seedCheckSite>;
  let core: TestCore;

  beforeAll(async () => {
    sshd = await startSshd();
    dataDir = tempDataDir('checks-ssh');
    seed = seedCheckSite(dataDir, [{ hostName: 'sshd-a', address: '127.0.0.1', port: sshd.port, username: sshd.user.name }], REQUIREMENTS);
    core = openTestCore({ dataDir });
  }, 60_000);
  afterAll(async () => {
    core?.close();
    await sshd?.stop();
  });

  it('unknown host key → trust → checked, with a failing requirement and its evidence; secrets stay out of SQLite', async () => {
    const targetId = seed.targetIds[0]!;
    const credential = core.call('checks.setCredential', { targetId, kind: 'password', password: sshd.user.password });
    expect(JSON.stringify(credential)).not.toContain(sshd.user.password);

    const first = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(first.hosts[0]).toMatchObject({ outcome: 'host_key_unknown', hostKey: { fingerprint: sshd.hostKeyFingerprint } });
    expect(first.hosts[0]!.runId).not.toBeNull();

    core.call('checks.trustHostKey', { targetId, fingerprint: first.hosts[0]!.hostKey!.fingerprint });
    const second = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(second.hosts[0]!.message).toBe('');
    expect(second.hosts[0]!.outcome).toBe('completed');
    expect(second.hosts[0]!.counts).toEqual({ pass: 2, fail: 1, error: 0, skipped: 0 });
    const detail = core.call('checks.run', { runId: second.hosts[0]!.runId! });
    expect(detail.facts?.source).toBe('ssh');
    const failed = detail.results.find((r) => r.status === 'fail')!;
    expect(failed.description).toContain('outpost-never-installed');
    expect(failed.expected).not.toBe('');
    expect(failed.actual).not.toBe('');
    expect(detail.previousRunId).toBe(first.hosts[0]!.runId);

    core.close();
    for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith('outpost.db'))) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes(Buffer.from(sshd.user.password)), file).toBe(false);
    }
    core = openTestCore({ dataDir, profile: false });
  }, 90_000);

  it('a changed host key is refused until it is re-trusted explicitly', async () => {
    const targetId = seed.targetIds[0]!;
    const oldFingerprint = sshd.hostKeyFingerprint;
    const newFingerprint = await sshd.rotateHostKey();
    const refused = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(refused.hosts[0]).toMatchObject({
      outcome: 'host_key_changed',
      expectedFingerprint: oldFingerprint,
      hostKey: { fingerprint: newFingerprint },
    });
    const plain = core.dispatch('checks.trustHostKey', { targetId, fingerprint: newFingerprint });
    expect(plain.ok).toBe(false);
    const stillRefused = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(stillRefused.hosts[0]!.outcome).toBe('host_key_changed');
    core.call('checks.trustHostKey', { targetId, fingerprint: newFingerprint, replace: true });
    const ok = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(ok.hosts[0]!.outcome).toBe('completed');
  }, 90_000);

  it('signs in with a key file, and outpost check prints the failure and exits 1', async () => {
    const targetId = seed.targetIds[0]!;
    core.call('checks.setCredential', { targetId, kind: 'key', keyPath: sshd.user.privateKeyPath });
    const out: string[] = [];
    const err: string[] = [];
    const code = await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir, '--json'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect(err).toEqual([]);
    const report = JSON.parse(out.join('\n')) as {
      passed: boolean;
      hosts: { outcome: string; results: { status: string; actual: string }[]; facts: { hostName: string } | null }[];
    };
    expect(code).toBe(1);
    expect(report.passed).toBe(false);
    expect(report.hosts[0]!.outcome).toBe('completed');
    expect(report.hosts[0]!.facts?.hostName).toBeTruthy();
    expect(report.hosts[0]!.results.map((r) => r.status)).toEqual(['pass', 'fail', 'pass']);

    const table: string[] = [];
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir], { out: (l) => table.push(l), err: (l) => table.push(l) })).toBe(
      1,
    );
    expect(table.join('\n')).toMatch(/FAIL\s+Package outpost-never-installed present/);
    const junitFile = path.join(dataDir, 'site.xml');
    const quiet: string[] = [];
    expect(
      await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir, '--format', 'junit', '--out', junitFile], {
        out: (l) => quiet.push(l),
        err: () => undefined,
      }),
    ).toBe(1);
    expect(quiet).toEqual([]);
    const junit = fs.readFileSync(junitFile, 'utf8');
    expect(junit).toContain('<testsuite name="sshd-a" tests="3" failures="1" errors="0" skipped="0"');
    expect(junit.match(/<testcase /g)).toHaveLength(3);
    expect(await checkCommand.run(['--site'], { out: () => undefined, err: () => undefined })).toBe(2);
    expect(await checkCommand.run(['--site', 'NOPE', '--data-dir', dataDir], { out: () => undefined, err: () => undefined })).toBe(2);
  }, 90_000);

  it('outpost check does not trust a new host key silently', async () => {
    const other = await startSshd();
    try {
      const dir = tempDataDir('checks-cli');
      const fresh = seedCheckSite(
        dir,
        [{ hostName: 'fresh', address: '127.0.0.1', port: other.port, username: other.user.name }],
        REQUIREMENTS.slice(0, 1),
      );
      const setup = openTestCore({ dataDir: dir, profile: false });
      setup.call('checks.setCredential', { targetId: fresh.targetIds[0]!, kind: 'password', password: other.user.password });
      setup.close();
      const out: string[] = [];
      expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dir], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(1);
      expect(out.join('\n')).toContain(other.hostKeyFingerprint);
      const trusted: string[] = [];
      expect(
        await checkCommand.run(['--site', 'CHK', '--data-dir', dir, '--trust-new-host-keys'], {
          out: (l) => trusted.push(l),
          err: (l) => trusted.push(l),
        }),
      ).toBe(0);
      expect(trusted.join('\n')).toContain('All requirements passed.');
    } finally {
      await other.stop();
    }
  }, 90_000);
});
