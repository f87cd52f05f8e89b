// The remote collector against real OpenSSH sshd instances on loopback (test/support/sshd-harness.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectMany } from '../../core/checks/collect-many';
import type { CollectOutcome, ProbeRequest, RemoteTarget, SshAuth } from '../../core/checks/collector-types';
import { collectRemote } from '../../core/checks/remote/collect-remote';
import { factsSchema } from '../../shared/checks/facts';
import { freePort, sshdTarget, sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

const unavailable = sshdUnavailableReason();
const limits = { connectMs: 5000, commandMs: 15000, overallMs: 20000 };

function target(s: SshdInstance, auth: SshAuth, extra: Partial<RemoteTarget> = {}): RemoteTarget {
  return sshdTarget(s, { auth, timeouts: limits, ...extra });
}
const keyAuth = (s: SshdInstance): SshAuth => ({ kind: 'key', privateKey: s.user.privateKey });
const whoami: ProbeRequest[] = [{ id: 'who', kind: 'command', params: { command: 'id -un' } }];

function expectSignedIn(outcome: CollectOutcome, s: SshdInstance): void {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  expect(factsSchema.parse(outcome.facts).source).toBe('ssh');
  expect(outcome.facts.probes.who).toMatchObject({ kind: 'command', exitStatus: 0, stdout: `${s.user.name}\n` });
  expect(outcome.hostKey?.fingerprint).toBe(s.hostKeyFingerprint);
  // No secret travels back in the outcome.
  const text = JSON.stringify(outcome);
  expect(text).not.toContain(s.user.password);
  expect(text).not.toContain(s.user.privateKey.split('\n')[1]!);
}

describe.skipIf(unavailable)(`remote collector over SSH${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let all: SshdInstance;
  let keyOnly: SshdInstance;
  let passwordOnly: SshdInstance;
  let kbdOnly: SshdInstance;
  beforeAll(async () => {
    [all, keyOnly, passwordOnly, kbdOnly] = await Promise.all([
      startSshd(),
      startSshd({ authMethods: { publicKey: true, password: false, keyboardInteractive: false } }),
      startSshd({ authMethods: { publicKey: false, password: true, keyboardInteractive: false } }),
      startSshd({ authMethods: { publicKey: false, password: false, keyboardInteractive: true } }),
    ]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([all, keyOnly, passwordOnly, kbdOnly].filter(Boolean).map((s) => s.stop()));
  });

  it('signs in with a private key and reads the facts in one probe', async () => {
    const outcome = await collectRemote(target(keyOnly, keyAuth(keyOnly)), whoami);
    expectSignedIn(outcome, keyOnly);
    if (!outcome.ok) return;
    expect(outcome.facts.os.family).toBe('linux');
    expect(outcome.facts.packages.length).toBeGreaterThan(10);
    expect(outcome.facts.mounts.some((m) => m.mount === '/')).toBe(true);
  });

  it('signs in with a password', async () => {
    expectSignedIn(
      await collectRemote(target(passwordOnly, { kind: 'password', password: passwordOnly.user.password }), whoami),
      passwordOnly,
    );
  });

  it('signs in with keyboard-interactive', async () => {
    expectSignedIn(
      await collectRemote(target(kbdOnly, { kind: 'keyboard-interactive', password: kbdOnly.user.password }), whoami),
      kbdOnly,
    );
  });

  it('signs in through ssh-agent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-agent-'));
    const socket = path.join(dir, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !fs.existsSync(socket); i++) await new Promise((r) => setTimeout(r, 20));
      const added = await new Promise<number | null>((resolve) => {
        const child = spawn('ssh-add', [keyOnly.user.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
        child.on('close', resolve);
      });
      expect(added).toBe(0);
      expectSignedIn(await collectRemote(target(keyOnly, { kind: 'agent', socket }), whoami), keyOnly);
    } finally {
      agent.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses wrong credentials with auth_failed', async () => {
    const outcome = await collectRemote(target(passwordOnly, { kind: 'password', password: 'not-the-password' }), whoami);
    expect(outcome).toMatchObject({ ok: false, reason: 'auth_failed' });
    expect(JSON.stringify(outcome)).not.toContain('not-the-password');
  });

  it('returns host_key_unknown with the fingerprint on first contact, and runs nothing', async () => {
    const canary = `/tmp/outpost-canary-${randomBytes(6).toString('hex')}`;
    const outcome = await collectRemote(target(all, keyAuth(all), { trustedFingerprint: null }), [
      { id: 'touch', kind: 'command', params: { command: `touch ${canary}` } },
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'host_key_unknown',
      hostKey: { algorithm: 'ssh-ed25519', fingerprint: all.hostKeyFingerprint },
    });
    expect(all.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fs.existsSync(canary)).toBe(false);
  });

  it('refuses a changed host key and shows both fingerprints', async () => {
    const s = await startSshd();
    try {
      const before = s.hostKeyFingerprint;
      expect((await collectRemote(target(s, keyAuth(s)), whoami)).ok).toBe(true);
      const after = await s.rotateHostKey();
      expect(after).not.toBe(before);
      const canary = `/tmp/outpost-canary-${randomBytes(6).toString('hex')}`;
      const outcome = await collectRemote(target(s, keyAuth(s), { trustedFingerprint: before }), [
        { id: 'touch', kind: 'command', params: { command: `touch ${canary}` } },
      ]);
      expect(outcome).toMatchObject({ ok: false, reason: 'host_key_changed', expected: before, hostKey: { fingerprint: after } });
      expect(!outcome.ok && outcome.message).toContain(before);
      expect(!outcome.ok && outcome.message).toContain(after);
      expect(fs.existsSync(canary)).toBe(false);
    } finally {
      await s.stop();
    }
  });

  it('ends quickly with "unreachable" for a closed port', async () => {
    const port = await freePort();
    const started = Date.now();
    const outcome = await collectRemote({ ...target(all, keyAuth(all)), port }, whoami);
    expect(outcome).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('ends within the connect limit when a host accepts TCP and never speaks', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const started = Date.now();
      const outcome = await collectRemote(
        { ...target(all, keyAuth(all)), port, timeouts: { connectMs: 1000, commandMs: 5000, overallMs: 10000 } },
        whoami,
      );
      const took = Date.now() - started;
      expect(outcome).toMatchObject({ ok: false, reason: 'timeout', message: expect.stringContaining('handshake') });
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(4000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('stops a hanging command at its own time limit and still returns the facts', async () => {
    const started = Date.now();
    const outcome = await collectRemote(target(all, keyAuth(all)), [
      { id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 1 } },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.facts.probes.hang).toMatchObject({ kind: 'command', timedOut: true, exitStatus: null });
    expect(Date.now() - started).toBeLessThan(10000);
  });

  it('ends a hanging probe at the overall limit', async () => {
    const started = Date.now();
    const outcome = await collectRemote(target(all, keyAuth(all), { timeouts: { connectMs: 5000, commandMs: 60000, overallMs: 2500 } }), [
      { id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 30 } },
    ]);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', message: expect.stringContaining('overall limit') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ends a hanging probe at the command limit', async () => {
    const started = Date.now();
    const outcome = await collectRemote(target(all, keyAuth(all), { timeouts: { connectMs: 5000, commandMs: 2000, overallMs: 60000 } }), [
      { id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 30 } },
    ]);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', message: expect.stringContaining('command limit') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 700);
    const outcome = await collectRemote(
      target(all, keyAuth(all)),
      [{ id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 30 } }],
      controller.signal,
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it('says "needs privilege" when sudo -n is refused, and still reads what it can', async () => {
    const outcome = await collectRemote(target(all, keyAuth(all), { useSudo: true }), whoami);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.facts.unreadable[0]).toMatchObject({
      fact: 'sudo',
      needsPrivilege: true,
      reason: expect.stringContaining('Needs privilege'),
    });
    expect(outcome.facts.probes.who).toMatchObject({ stdout: `${all.user.name}\n` });
  });

  it('says a target answering as Windows is not supported', async () => {
    const windows = await startSshd({
      extraConfig: [`ForceCommand echo "'sh' is not recognized as an internal or external command," >&2`],
    });
    try {
      const outcome = await collectRemote(target(windows, keyAuth(windows)), whoami);
      expect(outcome).toMatchObject({ ok: false, reason: 'windows', message: expect.stringContaining('Windows') });
    } finally {
      await windows.stop();
    }
  });

  describe('hostile values', () => {
    const canary = `/tmp/outpost-canary-${randomBytes(6).toString('hex')}`;
    const hostile = [
      `x'; touch ${canary}; '`,
      `x"; touch ${canary}; "`,
      `$(touch ${canary})`,
      `\`touch ${canary}\``,
      `x\ntouch ${canary}`,
      `x;touch ${canary}`,
    ];
    afterAll(() => fs.rmSync(canary, { force: true }));

    it('refuses hostile requirement values with a validation error and never runs them', async () => {
      const probes: ProbeRequest[] = hostile.flatMap((value, i) => [
        { id: `user-${i}`, kind: 'user', params: { name: value } },
        { id: `group-${i}`, kind: 'group', params: { name: value } },
        { id: `file-${i}`, kind: 'file', params: { path: `/tmp/${value}` } },
        { id: `dns-${i}`, kind: 'dns', params: { name: value } },
        { id: `addr-${i}`, kind: 'addr', params: { host: value, port: 22 } },
        { id: `kernel-${i}`, kind: 'kernel_param', params: { key: value, value: '1' } },
      ]);
      probes.push({ id: 'kernel-dots', kind: 'kernel_param', params: { key: '../../../etc/shadow', value: '1' } });
      probes.push({ id: `id-$(touch ${canary})`, kind: 'file', params: { path: '/etc/hostname' } });
      // Valid values that still carry shell syntax travel as data: the URL reaches curl as one argument.
      probes.push({
        id: 'url',
        kind: 'http',
        params: { url: `http://127.0.0.1:1/$(touch%20${canary})?a=\`touch%20${canary}\``, timeoutSeconds: 2 },
      });
      probes.push({ id: 'path', kind: 'file', params: { path: `/tmp/a b,c=d~e%f` } });
      const outcome = await collectRemote(target(all, keyAuth(all)), probes);
      if (!outcome.ok) throw new Error(outcome.message);
      for (const probe of probes.slice(0, -3)) {
        expect(outcome.facts.probes[probe.id], probe.id).toMatchObject({
          kind: 'error',
          message: expect.stringMatching(/^Invalid (parameters|requirement id)/),
        });
      }
      expect(outcome.facts.probes.url).toMatchObject({ kind: 'http', status: null });
      expect(outcome.facts.probes.path).toMatchObject({ kind: 'file', exists: false });
      expect(fs.existsSync(canary)).toBe(false);
    });

    it('refuses hostile target values before connecting', async () => {
      for (const value of hostile) {
        const byHost = await collectRemote({ ...target(all, keyAuth(all)), host: value }, whoami);
        expect(byHost).toMatchObject({ ok: false, reason: 'error', message: expect.stringContaining('Refused before connecting') });
        const byUser = await collectRemote({ ...target(all, keyAuth(all)), username: value }, whoami);
        expect(byUser).toMatchObject({ ok: false, reason: 'error', message: expect.stringContaining('Refused before connecting') });
      }
      expect(fs.existsSync(canary)).toBe(false);
    });
  });

  it('collects several hosts with bounded concurrency, progress and cancellation', async () => {
    const hosts = [all, keyOnly, all, keyOnly];
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const results = await collectMany(
      hosts.map((s, i) => ({ i, s })),
      async (item, signal) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        try {
          return await collectRemote(target(item.s, keyAuth(item.s)), whoami, signal);
        } finally {
          running -= 1;
        }
      },
      { concurrency: 2, onProgress: (item, e) => events.push(`${item.i}:${e.phase}`) },
    );
    expect([...results.values()].every((o) => o.ok)).toBe(true);
    expect(maxRunning).toBe(2);
    for (let i = 0; i < hosts.length; i++)
      expect(events.filter((e) => e.startsWith(`${i}:`))).toEqual([`${i}:queued`, `${i}:connecting`, `${i}:probing`, `${i}:done`]);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const started = Date.now();
    const cancelled = await collectMany(
      hosts,
      (s, signal) =>
        collectRemote(
          target(s, keyAuth(s)),
          [{ id: 'hang', kind: 'command', params: { command: 'sleep 30', timeoutSeconds: 30 } }],
          signal,
        ),
      { concurrency: 2, signal: controller.signal },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect([...cancelled.values()].map((o) => !o.ok && o.reason)).toEqual(
      ['cancelled', 'cancelled', 'cancelled', 'cancelled'].slice(0, cancelled.size),
    );
  });
});
