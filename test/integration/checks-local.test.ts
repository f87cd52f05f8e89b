// "Check this machine": the local collector (systeminformation in a worker thread), and parity with
// the SSH collector pointed at this same machine through a real sshd on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../../shared/checks/facts';
import { factsSchema } from '../../shared/checks/facts';
import { collectLocal } from '../../core/checks/local/collect-local';
import { localFactsWorkerEntry } from '../../core/checks/local/worker-entry';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import { sshdTarget, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

describe('local collector', () => {
  it("gathers this machine's facts in a worker thread and answers probes locally", async () => {
    const entry = localFactsWorkerEntry();
    expect(entry?.eval).toBe(true); // from the sources: the TypeScript worker through tsx
    const outcome = await collectLocal([
      { id: 'hostname', kind: 'file', params: { path: '/etc/hostname', contains: ['/./'] } },
      { id: 'hostname-meta', kind: 'file', params: { path: '/etc/hostname' } },
      { id: 'echo', kind: 'command', params: { command: 'echo hello; exit 4' } },
      { id: 'root', kind: 'user', params: { name: 'root' } },
      { id: 'rootgroup', kind: 'group', params: { name: 'root' } },
      { id: 'ostype', kind: 'kernel_param', params: { key: 'kernel.ostype', value: 'Linux' } },
      { id: 'localhost', kind: 'dns', params: { name: 'localhost' } },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    const f = factsSchema.parse(outcome.facts);
    expect(f.source).toBe('local');
    expect(f.hostName).toBe(os.hostname());
    expect(f.os.family).toBe('linux');
    expect(f.cpu.threads).toBe(os.cpus().length);
    expect(f.memory.totalBytes).toBe(os.totalmem());
    expect(f.packages.some((p) => p.name === 'openssh-server' && p.manager === 'dpkg')).toBe(true);
    expect(f.probes.hostname).toMatchObject({
      kind: 'file',
      exists: true,
      owner: 'root',
      contents: fs.readFileSync('/etc/hostname', 'utf8'),
    });
    // Contents are read only for a requirement that matches patterns against them.
    expect(f.probes['hostname-meta']).toMatchObject({
      kind: 'file',
      exists: true,
      contents: null,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(f.probes.echo).toMatchObject({ kind: 'command', exitStatus: 4, stdout: 'hello\n', timedOut: false });
    expect(f.probes.root).toMatchObject({ kind: 'user', exists: true, uid: 0, home: '/root' });
    expect(f.probes.rootgroup).toEqual({ kind: 'group', exists: true, gid: 0 });
    expect(f.probes.ostype).toEqual({ kind: 'kernel_param', value: 'Linux' });
    expect((f.probes.localhost as { addresses: string[] }).addresses.length).toBeGreaterThan(0);
  });

  it('stops a hanging command probe at its limit, and the whole collection at the overall limit', async () => {
    const hang = await collectLocal([{ id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 1 } }]);
    expect(hang.ok && hang.facts.probes.hang).toMatchObject({ kind: 'command', timedOut: true, exitStatus: null });
    const started = Date.now();
    const marker = `outpost-hang-${randomBytes(4).toString('hex')}`;
    const overall = await collectLocal(
      [{ id: 'hang', kind: 'command', params: { command: `sleep 30; echo ${marker}`, timeoutSeconds: 30 } }],
      undefined,
      { callMs: 5000, overallMs: 1500 },
    );
    expect(overall).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
    // The hanging command does not outlive the stop.
    await new Promise((r) => setTimeout(r, 200));
    expect(execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })).not.toContain(marker);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await collectLocal(
      [{ id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 30 } }],
      controller.signal,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('refuses hostile values with a validation error and never runs them', async () => {
    const canary = `/tmp/outpost-canary-${randomBytes(6).toString('hex')}`;
    const outcome = await collectLocal([
      { id: 'u', kind: 'user', params: { name: `$(touch ${canary})` } },
      { id: 'f', kind: 'file', params: { path: `/tmp/x'; touch ${canary}` } },
      { id: 'k', kind: 'kernel_param', params: { key: '../../etc/shadow', value: 'x' } },
      { id: 'd', kind: 'dns', params: { name: `\`touch ${canary}\`` } },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    for (const id of ['u', 'f', 'k', 'd'])
      expect(outcome.facts.probes[id]).toMatchObject({ kind: 'error', message: expect.stringContaining('Invalid parameters') });
    expect(fs.existsSync(canary)).toBe(false);
  });
});

const unavailable = sshdUnavailableReason();

describe.skipIf(unavailable)(
  `parity: SSH to this machine agrees with systeminformation${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let sshd: SshdInstance;
    let local: Facts;
    let remote: Facts;
    beforeAll(async () => {
      sshd = await startSshd();
      const [l, r] = await Promise.all([collectLocal([]), collectRemote(sshdTarget(sshd), [])]);
      if (!l.ok) throw new Error(`local: ${l.message}`);
      if (!r.ok) throw new Error(`ssh: ${r.message}`);
      local = l.facts;
      remote = r.facts;
    }, 60_000);
    afterAll(async () => sshd?.stop());

    const within1Percent = (a: number | null | undefined, b: number | null | undefined) => {
      expect(a).toBeTypeOf('number');
      expect(b).toBeTypeOf('number');
      expect(Math.abs(a! - b!) / b!).toBeLessThanOrEqual(0.01);
    };

    it('cores and threads', () => {
      expect(remote.cpu.threads).toBe(local.cpu.threads);
      expect(remote.cpu.cores).toBe(local.cpu.cores);
    });
    it('memory total within 1%', () => within1Percent(remote.memory.totalBytes, local.memory.totalBytes));
    it('OS id and version', () => {
      expect(remote.os.distribution).toBe(local.os.distribution);
      expect(remote.os.version).toBe(local.os.version);
      expect(remote.os.kernel).toBe(local.os.kernel);
      expect(remote.os.architecture).toBe(local.os.architecture);
    });
    it('host name', () => expect(remote.hostName).toBe(local.hostName));
    it('root file system size within 1%', () => {
      within1Percent(remote.mounts.find((m) => m.mount === '/')?.sizeBytes, local.mounts.find((m) => m.mount === '/')?.sizeBytes);
    });
    it('the same installed packages', () => {
      expect(remote.packages.length).toBe(local.packages.length);
    });
  },
);
