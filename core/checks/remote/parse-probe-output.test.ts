import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsSchema } from '../../../shared/checks/facts';
import { epochMsOf, parseProbeOutput } from './parse-probe-output';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const ctx = { nonce: 'fixture', referenceEpochMs: 1764000000000, collectedAt: '2026-11-24T16:00:00.000Z', durationMs: 420 };

describe('parseProbeOutput', () => {
  it('reads a Debian 12 probe captured on this machine', () => {
    const parsed = parseProbeOutput(fixture('debian-12.probe.txt'), '', { ...ctx, sentIds: ['f1', 'c1', 'u1', 'g1', 'k1', 'd1', 'a1'] });
    if (!parsed.ok) throw new Error(parsed.message);
    const f = factsSchema.parse(parsed.facts);
    expect(f.os).toMatchObject({ family: 'linux', distribution: 'debian', version: '12', architecture: 'x86_64' });
    expect(f.cpu.threads).toBeGreaterThan(0);
    expect(f.memory.totalBytes).toBeGreaterThan(1024 * 1024 * 1024);
    expect(f.mounts.find((m) => m.mount === '/')?.sizeBytes).toBeGreaterThan(0);
    expect(f.packages.length).toBeGreaterThan(10);
    expect(f.packages.every((p) => p.manager === 'dpkg')).toBe(true);
    expect(f.network.find((n) => n.name === 'lo')?.addresses).toContain('127.0.0.1/8');
    expect(f.processes[0]?.pid).toBe(1);
    expect(f.probes.f1).toMatchObject({ kind: 'file', exists: true, owner: 'root' });
    expect(f.probes.c1).toMatchObject({ kind: 'command', exitStatus: 3, stdout: 'hi\n', stderr: 'err\n', timedOut: false });
    expect(f.probes.u1).toMatchObject({ kind: 'user', exists: true, uid: 0, home: '/root' });
    expect(f.probes.g1).toMatchObject({ kind: 'group', exists: true, gid: 65534 });
    expect(f.probes.k1).toEqual({ kind: 'kernel_param', value: 'Linux' });
    expect(f.probes.d1).toMatchObject({ kind: 'dns', addresses: ['127.0.0.1'], error: null });
    expect(f.probes.a1).toMatchObject({ kind: 'addr', reachable: false });
    // No systemd as PID 1 in this container: said so, not guessed.
    expect(f.unreadable).toContainEqual({
      fact: 'services',
      reason: 'systemd is not running on this machine (not booted with systemd)',
      needsPrivilege: false,
    });
    expect(f.services).toEqual([]);
  });

  it('reads a RHEL-family (Rocky 9) probe: rpm with epochs, systemd, chrony, denied DMI serials', () => {
    const parsed = parseProbeOutput(fixture('rocky-9.probe.txt'), '', {
      ...ctx,
      sentIds: ['req-file', 'req-cmd', 'req-user', 'req-dns', 'req-missing'],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const f = factsSchema.parse(parsed.facts);
    expect(f.hostName).toBe('db01.site.example');
    expect(f.os).toMatchObject({
      family: 'linux',
      distribution: 'rocky',
      distributionName: 'Rocky Linux',
      version: '9.4',
      kernel: '5.14.0-427.13.1.el9_4.x86_64',
    });
    expect(f.cpu).toEqual({ model: 'Intel(R) Xeon(R) Silver 4210R CPU @ 2.40GHz', cores: 4, threads: 5 });
    expect(f.memory).toEqual({ totalBytes: 16218916 * 1024, availableBytes: 12001124 * 1024 });
    expect(f.mounts.find((m) => m.mount === '/')).toEqual({
      mount: '/',
      device: '/dev/mapper/rl-root',
      fsType: 'xfs',
      sizeBytes: 73364480 * 1024,
      freeBytes: 68241024 * 1024,
      usePercent: 7,
    });
    expect(f.mounts.find((m) => m.mount === '/srv/data files')?.fsType).toBe('xfs');
    expect(f.packages).toContainEqual({ name: 'shim-x64', version: '1:15.8-4.el9_3', arch: 'x86_64', manager: 'rpm' });
    expect(f.packages).toContainEqual({ name: 'gpg-pubkey', version: '350d275d-6279464f', arch: null, manager: 'rpm' });
    expect(f.services).toContainEqual({ name: 'sshd', active: true, enabled: true, state: 'running' });
    expect(f.services).toContainEqual({ name: 'postgresql', active: true, enabled: false, state: 'running' });
    expect(f.services).toContainEqual({ name: 'kdump', active: false, enabled: true, state: 'failed' });
    expect(f.services).toContainEqual({ name: 'firewalld', active: false, enabled: false, state: 'inactive' });
    expect(f.services.some((s) => s.name.includes('@'))).toBe(false);
    expect(f.ports).toContainEqual({ protocol: 'tcp', address: '127.0.0.1', port: 5432, process: 'postgres' });
    expect(f.ports).toContainEqual({ protocol: 'tcp6', address: '::', port: 22, process: null });
    expect(f.ports).toContainEqual({ protocol: 'udp6', address: '::1', port: 323, process: null });
    expect(f.network).toContainEqual({ name: 'ens192', mac: '00:50:56:aa:bb:cc', addresses: ['10.20.0.15/24'] });
    expect(f.hardware).toEqual({ vendor: 'VMware, Inc.', model: 'VMware Virtual Platform', serial: null, boardSerial: null });
    expect(f.unreadable).toContainEqual({ fact: 'hardware.serial', reason: expect.stringContaining('needs root'), needsPrivilege: true });
    expect(f.clock).toEqual({ time: new Date(1764000002500).toISOString(), offsetSeconds: 2.5, synchronized: true, source: 'chrony' });
    expect(f.processes).toContainEqual({ pid: 1234, name: 'postgres', command: '/usr/bin/postgres -D /var/lib/pgsql/data' });
    expect(f.probes['req-file']).toEqual({
      kind: 'file',
      exists: true,
      mode: '0640',
      owner: 'root',
      group: 'postgres',
      sha256: null,
      contents: null,
    });
    expect(f.probes['req-cmd']).toMatchObject({ kind: 'command', exitStatus: null, timedOut: true, durationMs: 2003 });
    expect(f.probes['req-user']).toEqual({
      kind: 'user',
      exists: true,
      uid: 26,
      gid: 26,
      groups: ['postgres'],
      home: '/var/lib/pgsql',
      shell: '/bin/bash',
    });
    expect(f.probes['req-dns']).toEqual({ kind: 'dns', addresses: [], error: 'The name did not resolve' });
    expect(f.probes['req-missing']).toMatchObject({ kind: 'error' });
  });

  it('ignores marker lines with another nonce (a process cannot forge sections)', () => {
    const forged = fixture('rocky-9.probe.txt').replace(
      '      1 systemd',
      `==OUTPOST:guess:meta==\nuname=Windows_NT x 10 x\n      1 systemd`,
    );
    const parsed = parseProbeOutput(forged, '', ctx);
    expect(parsed.ok && parsed.facts.os.family).toBe('linux');
  });

  it('says "windows" when the target answers like Windows (cmd.exe, PowerShell, MSYS uname)', () => {
    const cmd = parseProbeOutput('', "'sh' is not recognized as an internal or external command,\r\noperable program or batch file.", ctx);
    expect(cmd).toMatchObject({ ok: false, reason: 'windows' });
    const ps = parseProbeOutput(
      '',
      "sh : The term 'sh' is not recognized as the name of a cmdlet, function, script file, or operable program.",
      ctx,
    );
    expect(ps).toMatchObject({ ok: false, reason: 'windows' });
    const msys = parseProbeOutput(`==OUTPOST:fixture:meta==\nuname=MSYS_NT-10.0-19045 pc 3.4.9 x86_64\n`, '', ctx);
    expect(msys).toMatchObject({ ok: false, reason: 'windows', message: expect.stringContaining('not supported') });
  });

  it('says what went wrong when the probe did not run at all', () => {
    expect(parseProbeOutput('', 'sh: 1: base64: not found', ctx)).toEqual({
      ok: false,
      reason: 'error',
      message: 'The probe did not run on the target: sh: 1: base64: not found',
    });
  });
});

describe("the target's clock as date printed it", () => {
  it('reads seconds and milliseconds, and only the seconds where date has no %N (BusyBox)', () => {
    expect(epochMsOf('1764000002.500')).toBe(1764000002500);
    expect(epochMsOf('1764000002.%3N')).toBe(1764000002000);
    expect(epochMsOf('1764000002.3N')).toBe(1764000002000);
    expect(epochMsOf('')).toBeNaN();
  });
});
