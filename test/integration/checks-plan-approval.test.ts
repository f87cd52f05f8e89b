// Plans cannot run code unasked: a `command` requirement (and a file read outside the allow-list)
// does not run on this machine or on a target over real SSH before the technician approves it, runs
// after, and asks again when the command changes. Runs keep bounded evidence, not file contents.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../launcher/commands/check-command';
import type { CheckJobStatus } from '../../shared/domain/check-run';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';
import { openTestCore, tempDataDir, type TestCore } from '../support/temp-core';
import { addRequirement } from '../../core/plan/plan-writer';
import { openServiceContext, seedCheckSite } from './checks-runs-seed';

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

/** Rewrites a requirement's params as a pull from the server would (another connection, plain SQL). */
function rewriteParams(dataDir: string, requirementId: string, params: Record<string, unknown>): void {
  const { ctx, close } = openServiceContext(dataDir);
  ctx.sqlite.prepare('UPDATE requirements SET params = ? WHERE id = ?').run(JSON.stringify(params), requirementId);
  close();
}

const canaryPath = (label: string) => path.join(os.tmpdir(), `outpost-canary-${label}-${randomBytes(6).toString('hex')}`);

describe('check this machine: plan commands need approval', () => {
  const dataDir = tempDataDir('approval-local');
  const canary = canaryPath('local');
  const canary2 = canaryPath('local2');
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-approval-files-'));
  const secretFile = path.join(secretDir, 'pos.conf');
  fs.writeFileSync(secretFile, `licence=SECRET-${randomBytes(8).toString('hex')}\nmode=store\n${'padding line\n'.repeat(2000)}`);
  const linkToSecret = path.join(secretDir, 'link');
  fs.symlinkSync('/etc/ssl/private', linkToSecret);
  const seed = seedCheckSite(
    dataDir,
    [],
    [
      { kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } },
      {
        kind: 'command',
        description: 'Canary command',
        params: { command: `touch ${canary}; for i in $(seq 1 100); do echo line-$i-marker; done` },
      },
      { kind: 'file', description: 'POS configuration', params: { path: secretFile, contains: ['mode=store'] } },
      { kind: 'file', description: 'OS release (allow-listed)', params: { path: '/etc/os-release' } },
      { kind: 'file', description: 'Through a link', params: { path: linkToSecret } },
    ],
  );
  const [, commandId, fileId, osReleaseId, linkId] = seed.requirementIds;
  let core: TestCore;

  beforeAll(() => {
    core = openTestCore({ dataDir, profile: false });
  });
  afterAll(() => {
    core?.close();
    for (const f of [canary, canary2]) fs.rmSync(f, { force: true });
    fs.rmSync(secretDir, { recursive: true, force: true });
  });

  it('lists what needs approval, runs nothing of it before, and skips it as "needs approval"', async () => {
    const pending = core.call('checks.approvalsNeeded', { siteId: seed.siteId, thisMachine: true });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ targetId: null, role: '', label: 'this machine', user: os.userInfo().username, sudo: false });
    expect(pending[0]!.items.map((i) => [i.requirementId, i.kind])).toEqual([
      [commandId, 'command'],
      [fileId, 'file'],
      [linkId, 'file'],
    ]);
    expect(pending[0]!.items[0]!.text).toContain(`touch ${canary}`);

    const status = await runToEnd(core, () => core.call('checks.checkThisMachine', { siteId: seed.siteId }));
    expect(status.hosts[0]).toMatchObject({ outcome: 'completed', message: '3 requirements need approval and were not run' });
    expect(fs.existsSync(canary)).toBe(false);
    const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
    const byId = new Map(run.results.map((r) => [r.requirementId, r]));
    for (const id of [commandId, fileId, linkId]) expect(byId.get(id!)).toMatchObject({ status: 'skipped', actual: 'needs approval' });
    expect(byId.get(seed.requirementIds[0]!)!.status).toBe('pass');
    expect(byId.get(osReleaseId!)!.status).toBe('pass');
    expect(run.facts!.probes[commandId!]).toBeUndefined();
    expect(run.facts!.probes[fileId!]).toBeUndefined();
  }, 60_000);

  it('runs after approval (recorded with who and when) and stores bounded evidence, not the file', async () => {
    const [pending] = core.call('checks.approvalsNeeded', { siteId: seed.siteId, thisMachine: true });
    core.call('profile.set', { name: 'Riley Field', role: 'technician' });
    expect(
      core.dispatch('checks.approveCommands', { siteId: seed.siteId, approvals: [{ targetId: null, hash: 'a'.repeat(64) }] }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(core.call('checks.approveCommands', { siteId: seed.siteId, approvals: [{ targetId: null, hash: pending!.hash }] })).toEqual({
      approved: 1,
    });
    expect(core.call('checks.approvalsNeeded', { siteId: seed.siteId, thisMachine: true })).toEqual([]);

    const status = await runToEnd(core, () => core.call('checks.checkThisMachine', { siteId: seed.siteId }));
    expect(fs.existsSync(canary)).toBe(true);
    const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
    const byId = new Map(run.results.map((r) => [r.requirementId, r]));
    expect(byId.get(commandId!)!.status).toBe('pass');
    expect(byId.get(fileId!)!.status).toBe('pass');
    expect(byId.get(linkId!)).toMatchObject({ status: 'error', message: expect.stringContaining('Refused') });

    const { ctx, close } = openServiceContext(dataDir);
    const approval = ctx.sqlite.prepare('SELECT approved_by, approved_at, run_as, items FROM plan_approvals').all() as {
      approved_by: string;
      approved_at: string;
      run_as: string;
      items: string;
    }[];
    const activity = ctx.sqlite.prepare("SELECT actor FROM activity WHERE action = 'checks.commands_approved'").all();
    const stored = (ctx.sqlite.prepare('SELECT facts FROM check_runs WHERE id = ?').get(run.id) as { facts: string }).facts;
    close();
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ approved_by: 'Riley Field', run_as: os.userInfo().username });
    expect(Date.parse(approval[0]!.approved_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(approval[0]!.items).toContain(`touch ${canary}`);
    expect(activity).toEqual([{ actor: 'Riley Field' }]);

    // Evidence: the file's hash, never its contents; the command's first lines only.
    const secret = fs.readFileSync(secretFile, 'utf8');
    expect(stored).not.toContain(secret.split('\n')[0]);
    expect(stored).not.toContain('padding line');
    expect(run.facts!.probes[fileId!]).toMatchObject({
      kind: 'file',
      exists: true,
      contents: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const command = run.facts!.probes[commandId!] as { stdout: string };
    expect(command.stdout.split('\n')).toHaveLength(20);
    expect(command.stdout).toContain('line-1-marker');
    expect(stored).not.toContain('line-21-marker');
    expect(stored.length).toBeLessThan(1_000_000);
  }, 60_000);

  it('asks again when the command changes, and does not run the new one', async () => {
    rewriteParams(dataDir, commandId!, { command: `touch ${canary2}` });
    const [pending] = core.call('checks.approvalsNeeded', { siteId: seed.siteId, thisMachine: true });
    expect(pending!.items.find((i) => i.kind === 'command')!.text).toBe(`touch ${canary2}`);
    const status = await runToEnd(core, () => core.call('checks.checkThisMachine', { siteId: seed.siteId }));
    expect(fs.existsSync(canary2)).toBe(false);
    const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
    expect(run.results.find((r) => r.requirementId === commandId)).toMatchObject({ status: 'skipped', actual: 'needs approval' });
    core.call('checks.approveCommands', { siteId: seed.siteId, approvals: [{ targetId: null, hash: pending!.hash }] });
    await runToEnd(core, () => core.call('checks.checkThisMachine', { siteId: seed.siteId }));
    expect(fs.existsSync(canary2)).toBe(true);
  }, 60_000);
});

const unavailable = sshdUnavailableReason();

describe.skipIf(unavailable !== null)('remote checks over real sshd: plan commands need approval', () => {
  let sshd: SshdInstance;
  let dataDir: string;
  let seed: ReturnType<typeof seedCheckSite>;
  let core: TestCore;
  const canary = canaryPath('remote');
  const canary2 = canaryPath('remote2');
  const io = () => {
    const lines: string[] = [];
    return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
  };

  beforeAll(async () => {
    sshd = await startSshd();
    dataDir = tempDataDir('approval-ssh');
    seed = seedCheckSite(
      dataDir,
      [{ hostName: 'pos-srv-01', address: '127.0.0.1', port: sshd.port, username: sshd.user.name }],
      [
        { kind: 'cpu_cores', description: 'At least 1 CPU core', params: { min: 1 } },
        { kind: 'command', description: 'Canary command', params: { command: `touch ${canary}` } },
      ],
    );
    core = openTestCore({ dataDir });
    const targetId = seed.targetIds[0]!;
    core.call('checks.setCredential', { targetId, kind: 'password', password: sshd.user.password });
    core.call('checks.trustHostKey', { targetId, fingerprint: sshd.hostKeyFingerprint });
  }, 60_000);
  afterAll(async () => {
    core?.close();
    await sshd?.stop();
    for (const f of [canary, canary2]) fs.rmSync(f, { force: true });
  });

  it('Check all skips the unapproved command (no canary) and checks the rest', async () => {
    const [pending] = core.call('checks.approvalsNeeded', { siteId: seed.siteId });
    expect(pending).toMatchObject({
      targetId: seed.targetIds[0],
      label: 'pos-srv-01',
      user: sshd.user.name,
      sudo: false,
      items: [{ kind: 'command', text: `touch ${canary}` }],
    });
    const status = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(status.hosts[0]!.outcome).toBe('completed');
    expect(status.hosts[0]!.counts).toEqual({ pass: 1, fail: 0, error: 0, skipped: 1 });
    expect(fs.existsSync(canary)).toBe(false);
    const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
    expect(run.facts!.source).toBe('ssh');
    expect(run.results[1]).toMatchObject({ status: 'skipped', actual: 'needs approval' });
  }, 60_000);

  it('outpost check refuses with exit 2 naming the command; --approve-commands prints, records and runs it', async () => {
    const refused = io();
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir], refused.io)).toBe(2);
    const text = refused.lines.join('\n');
    expect(text).toContain(`This plan will run these commands on pos-srv-01 as ${sshd.user.name}:`);
    expect(text).toContain(`$ touch ${canary}`);
    expect(text).toContain('--approve-commands');
    expect(fs.existsSync(canary)).toBe(false);

    const approved = io();
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir, '--approve-commands'], approved.io)).toBe(0);
    expect(approved.lines.join('\n')).toContain(`$ touch ${canary}`);
    expect(approved.lines.join('\n')).toContain('Approved for pos-srv-01.');
    expect(fs.existsSync(canary)).toBe(true);
    // Approved once: the next run needs no flag.
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir], io().io)).toBe(0);
  }, 90_000);

  it('a changed command asks again; so does switching the sign-in to sudo', async () => {
    rewriteParams(dataDir, seed.requirementIds[1]!, { command: `touch ${canary2}` });
    const again = io();
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir], again.io)).toBe(2);
    expect(again.lines.join('\n')).toContain(`$ touch ${canary2}`);
    const status = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
    expect(status.hosts[0]!.counts).toMatchObject({ skipped: 1 });
    expect(fs.existsSync(canary2)).toBe(false);

    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir, '--approve-commands'], io().io)).toBe(0);
    expect(fs.existsSync(canary2)).toBe(true);
    expect(core.call('checks.approvalsNeeded', { siteId: seed.siteId })).toEqual([]);

    core.call('checks.setCredential', { targetId: seed.targetIds[0]!, kind: 'password', useSudo: true });
    const [sudo] = core.call('checks.approvalsNeeded', { siteId: seed.siteId });
    expect(sudo).toMatchObject({ sudo: true, user: sshd.user.name });
    const refused = io();
    expect(await checkCommand.run(['--site', 'CHK', '--data-dir', dataDir], refused.io)).toBe(2);
    expect(refused.lines.join('\n')).toContain(`on pos-srv-01 as ${sshd.user.name} (sudo):`);
  }, 90_000);

  it('reads a target file only for its evidence (hash, match), and refuses a link to a folder that holds secrets', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-remote-files-'));
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'pos.conf');
    const secret = `licence=SECRET-${randomBytes(8).toString('hex')}`;
    fs.writeFileSync(file, `${secret}\nmode=store\n`, { mode: 0o644 });
    const link = path.join(dir, 'link');
    fs.symlinkSync('/etc/ssl/private', link);
    try {
      const { ctx, close } = openServiceContext(dataDir);
      const [fileId, linkId] = ctx.sqlite.transaction(() => [
        addRequirement(ctx, {
          deploymentId: seed.deploymentId,
          kind: 'file',
          description: 'POS configuration',
          params: { path: file, contains: ['mode=store'] },
        }),
        addRequirement(ctx, { deploymentId: seed.deploymentId, kind: 'file', description: 'Through a link', params: { path: link } }),
      ])();
      close();
      core.call('checks.setCredential', { targetId: seed.targetIds[0]!, kind: 'password', useSudo: false });
      const pending = core.call('checks.approvalsNeeded', { siteId: seed.siteId });
      expect(pending[0]!.items.filter((i) => i.kind === 'file').map((i) => i.text)).toEqual([file, link]);
      core.call('checks.approveCommands', { siteId: seed.siteId, approvals: pending.map((p) => ({ targetId: p.targetId, hash: p.hash })) });
      const status = await runToEnd(core, () => core.call('checks.start', { siteId: seed.siteId }));
      const run = core.call('checks.run', { runId: status.hosts[0]!.runId! });
      expect(run.results.find((r) => r.requirementId === fileId)!.status).toBe('pass');
      expect(run.results.find((r) => r.requirementId === linkId)).toMatchObject({
        status: 'error',
        message: expect.stringContaining('Refused: the path leads to /etc/ssl/private'),
      });
      expect(run.facts!.probes[fileId!]).toMatchObject({ kind: 'file', contents: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const { ctx: read, close: done } = openServiceContext(dataDir);
      const stored = (read.sqlite.prepare('SELECT facts FROM check_runs WHERE id = ?').get(run.id) as { facts: string }).facts;
      done();
      expect(stored).not.toContain(secret);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
