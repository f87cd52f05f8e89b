import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../facts';
import { evaluateOne } from '../../../test/support/make-facts';

const SHA = 'a'.repeat(64);
const answer = (probe: ProbeResult) => ({ probes: { r1: probe } });
const file = (over: Partial<Extract<ProbeResult, { kind: 'file' }>> = {}): ProbeResult => ({
  kind: 'file',
  exists: true,
  mode: '644',
  owner: 'root',
  group: 'root',
  sha256: SHA,
  contents: 'PermitRootLogin no\nPasswordAuthentication no\n',
  ...over,
});

describe('file', () => {
  it.each([
    [{ path: '/etc/ssh/sshd_config' }, file(), 'pass'],
    [{ path: '/etc/ssh/sshd_config', mode: '0644', owner: 'root', group: 'root', sha256: SHA.toUpperCase() }, file(), 'pass'],
    [{ path: '/etc/ssh/sshd_config', mode: '0600' }, file(), 'fail'],
    [{ path: '/etc/ssh/sshd_config', owner: 'deploy' }, file(), 'fail'],
    [{ path: '/etc/ssh/sshd_config', sha256: 'b'.repeat(64) }, file(), 'fail'],
    [
      { path: '/etc/ssh/sshd_config', contains: ['PermitRootLogin no', '/^PasswordAuthentication\\s+no$/', '!PermitEmptyPasswords yes'] },
      file(),
      'pass',
    ],
    [{ path: '/etc/ssh/sshd_config', contains: ['!/PasswordAuthentication/'] }, file(), 'fail'],
    [{ path: '/etc/ssh/sshd_config', contains: ['/([a-z/'] }, file(), 'error'], // invalid regex
    [{ path: '/etc/pos/secret.conf', sha256: SHA }, file({ sha256: null, contents: null }), 'error'], // unreadable
    [{ path: '/etc/shadow' }, file(), 'error'], // a path that holds secrets is refused by the schema
    [{ path: '/etc/ssh/sshd_config' }, file({ exists: false }), 'fail'],
    [{ path: '/etc/telnetd.conf', exists: false }, file({ exists: false }), 'pass'],
    [{ path: '/etc/telnetd.conf', exists: false }, file(), 'fail'],
    [{ path: '/etc/../shadow' }, file(), 'error'], // unsafe path
  ] as const)('%j → %s', (params, probe, status) => {
    expect(evaluateOne('file', params, answer(probe)).status).toBe(status);
  });

  it('shows mode evidence normalized', () => {
    expect(evaluateOne('file', { path: '/etc/ssh/sshd_config', mode: '600' }, answer(file()))).toMatchObject({
      expected: '/etc/ssh/sshd_config exists with mode 0600',
      message: 'mode is 0644, not 0600',
    });
  });

  it('is an error when the target did not answer or the probe failed', () => {
    expect(evaluateOne('file', { path: '/etc/hosts' })).toMatchObject({ status: 'error', message: 'The target did not answer this check' });
    const denied = evaluateOne(
      'file',
      { path: '/var/lib/pos/licence.key' },
      answer({ kind: 'error', message: 'Permission denied', needsPrivilege: true }),
    );
    expect(denied).toMatchObject({ status: 'error', message: expect.stringContaining('needs privilege') });
  });
});

describe('command', () => {
  const ran = (over: Partial<Extract<ProbeResult, { kind: 'command' }>> = {}): ProbeResult => ({
    kind: 'command',
    exitStatus: 0,
    stdout: 'pos-server 2026.4.1\n',
    stderr: '',
    timedOut: false,
    durationMs: 120,
    ...over,
  });
  it.each([
    [{ command: 'pos-server --version' }, ran(), 'pass'],
    [{ command: 'pos-server --version', stdout: ['2026.4', '/^pos-server \\d+\\.\\d+/'] }, ran(), 'pass'],
    [{ command: 'pos-server --version', stdout: ['2025'] }, ran(), 'fail'],
    [{ command: 'false' }, ran({ exitStatus: 1 }), 'fail'],
    [{ command: 'grep -q x /nope', exitStatus: 2 }, ran({ exitStatus: 2 }), 'pass'],
    [{ command: 'sleep 60', timeoutSeconds: 1 }, ran({ exitStatus: null, timedOut: true, durationMs: 1000 }), 'fail'],
  ] as const)('%j → %s', (params, probe, status) => {
    expect(evaluateOne('command', params, answer(probe)).status).toBe(status);
  });

  it('reports a time-out as such', () => {
    const result = evaluateOne(
      'command',
      { command: 'sleep 60', timeoutSeconds: 1 },
      answer(ran({ exitStatus: null, timedOut: true, durationMs: 1000, stdout: '' })),
    );
    expect(result).toMatchObject({ status: 'fail', message: 'Timed out after 1 s', actual: 'still running after 1.0 s' });
  });
});

describe('kernel_param', () => {
  it.each([
    [{ key: 'net.ipv4.ip_forward', value: '1' }, '1\n', 'pass'],
    [{ key: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }, '4096\t87380\t6291456', 'pass'],
    [{ key: 'net.ipv4.ip_forward', value: '1' }, '0', 'fail'],
    [{ key: 'net.nope', value: '1' }, null, 'fail'],
  ] as const)('%j with %j → %s', (params, value, status) => {
    expect(evaluateOne('kernel_param', params, answer({ kind: 'kernel_param', value })).status).toBe(status);
  });
});

describe('http', () => {
  const got = (over: Partial<Extract<ProbeResult, { kind: 'http' }>> = {}): ProbeResult => ({
    kind: 'http',
    status: 200,
    body: '{"status":"ok"}',
    error: null,
    ...over,
  });
  it.each([
    [{ url: 'https://localhost:8443/health' }, got(), 'pass'],
    [{ url: 'https://localhost:8443/health', body: ['"ok"'] }, got(), 'pass'],
    [{ url: 'https://localhost:8443/health', status: 204 }, got(), 'fail'],
    [{ url: 'https://localhost:8443/health', body: ['degraded'] }, got(), 'fail'],
    [{ url: 'https://localhost:8443/health' }, got({ status: null, body: '', error: 'ECONNREFUSED' }), 'fail'],
    [{ url: 'ftp://localhost/' }, got(), 'error'],
  ] as const)('%j → %s', (params, probe, status) => {
    expect(evaluateOne('http', params, answer(probe)).status).toBe(status);
  });
});

describe('addr and dns', () => {
  it.each([
    ['addr', { host: '10.20.0.1', port: 443 }, { kind: 'addr', reachable: true, error: null }, 'pass'],
    ['addr', { host: '10.20.0.1', port: 443 }, { kind: 'addr', reachable: false, error: 'timed out' }, 'fail'],
    ['addr', { host: '10.99.0.1', port: 23, reachable: false }, { kind: 'addr', reachable: false, error: 'refused' }, 'pass'],
    ['addr', { host: 'a;b', port: 23 }, { kind: 'addr', reachable: true, error: null }, 'error'],
    ['dns', { name: 'pos.example.com' }, { kind: 'dns', addresses: ['10.20.1.10'], error: null }, 'pass'],
    [
      'dns',
      { name: 'pos.example.com', addresses: ['10.20.1.10'] },
      { kind: 'dns', addresses: ['10.20.1.10', '10.20.1.11'], error: null },
      'pass',
    ],
    ['dns', { name: 'pos.example.com', addresses: ['10.20.1.12'] }, { kind: 'dns', addresses: ['10.20.1.10'], error: null }, 'fail'],
    ['dns', { name: 'pos.example.com' }, { kind: 'dns', addresses: [], error: 'NXDOMAIN' }, 'fail'],
    ['dns', { name: 'old.example.com', resolvable: false }, { kind: 'dns', addresses: [], error: 'NXDOMAIN' }, 'pass'],
  ] as const)('%s %j → %s', (kind, params, probe, status) => {
    expect(evaluateOne(kind, params, answer(probe as ProbeResult)).status).toBe(status);
  });
});

describe('user and group', () => {
  const user: ProbeResult = { kind: 'user', exists: true, uid: 1001, groups: ['deploy', 'sudo'], home: '/home/deploy', shell: '/bin/bash' };
  it.each([
    ['user', { name: 'deploy' }, user, 'pass'],
    ['user', { name: 'deploy', uid: 1001, groups: ['sudo'], home: '/home/deploy', shell: '/bin/bash' }, user, 'pass'],
    ['user', { name: 'deploy', groups: ['docker'] }, user, 'fail'],
    ['user', { name: 'deploy', shell: '/bin/sh' }, user, 'fail'],
    ['user', { name: 'guest', exists: false }, { kind: 'user', exists: false, uid: null, groups: [], home: null, shell: null }, 'pass'],
    ['user', { name: 'deploy', exists: false }, user, 'fail'],
    ['group', { name: 'deploy', gid: 1001 }, { kind: 'group', exists: true, gid: 1001 }, 'pass'],
    ['group', { name: 'deploy', gid: 1002 }, { kind: 'group', exists: true, gid: 1001 }, 'fail'],
    ['group', { name: 'docker' }, { kind: 'group', exists: false, gid: null }, 'fail'],
    ['group', { name: 'deploy' }, user, 'error'], // wrong kind of answer
  ] as const)('%s %j → %s', (kind, params, probe, status) => {
    expect(evaluateOne(kind, params, answer(probe as ProbeResult)).status).toBe(status);
  });
});
