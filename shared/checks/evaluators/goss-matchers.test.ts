import { describe, expect, it } from 'vitest';
import { evaluateOne, makeFacts } from '../../../test/support/make-facts';
import type { ProbeResult } from '../facts';

const answer = (probe: ProbeResult) => ({ probes: { r1: probe } });
const file: ProbeResult = {
  kind: 'file',
  exists: true,
  mode: '0644',
  owner: 'root',
  group: 'root',
  sha256: 'a'.repeat(64),
  contents: 'root:x:0:0\n',
  filetype: 'file',
  size: 1322,
  linkedTo: null,
  md5: 'b'.repeat(32),
  sha512: null,
};

describe('Goss attribute matchers on a requirement', () => {
  it.each([
    [{ filetype: 'file', size: { lt: 2000 } }, 'pass'],
    [{ filetype: 'directory' }, 'fail'],
    [{ md5: 'b'.repeat(32) }, 'pass'],
    [{ sha512: { 'have-len': 128 } }, 'error'], // not collected: an error naming it
    [{ contents: { 'contain-element': { 'have-prefix': 'root:' } } }, 'pass'],
    [{ contents: ['!root'] }, 'fail'], // a plain list holds patterns
    [{ mode: { or: ['0600', '0644'] } }, 'pass'],
  ] as const)('file %j → %s', (matchers, status) => {
    expect(evaluateOne('file', { path: '/etc/passwd', matchers }, answer(file)).status).toBe(status);
  });

  it('says which attribute failed with the actual and the expected value', () => {
    const result = evaluateOne('file', { path: '/etc/passwd', mode: '0600', matchers: { size: { gt: 5000 } } }, answer(file));
    expect(result).toMatchObject({ status: 'fail', message: 'mode is 0644, not 0600; size is 1322, expected {"gt":5000}' });
    expect(result.expected).toContain('size {"gt":5000}');
  });

  it('does not judge matchers of a file that must be absent', () => {
    expect(evaluateOne('file', { path: '/x', exists: false, matchers: { size: 3 } }, answer({ ...file, exists: false })).status).toBe(
      'pass',
    );
  });

  it('package versions, user gid, command stderr, kernel value, port ip', () => {
    expect(
      evaluateOne('package', { name: 'openssh-server', matchers: { versions: { 'contain-element': { 'have-prefix': '1:9.6' } } } }).status,
    ).toBe('pass');
    expect(evaluateOne('package', { name: 'pos-server', matchers: { versions: { 'semver-constraint': '>=2026.4.0 <2027' } } }).status).toBe(
      'pass',
    );
    expect(evaluateOne('package', { name: 'pos-server', matchers: { versions: { 'semver-constraint': '<2026' } } }).status).toBe('fail');
    const user: ProbeResult = {
      kind: 'user',
      exists: true,
      uid: 33,
      gid: 33,
      groups: ['www-data'],
      home: '/var/www',
      shell: '/usr/sbin/nologin',
    };
    expect(evaluateOne('user', { name: 'www-data', matchers: { gid: 33, uid: { lt: 1000 } } }, answer(user)).status).toBe('pass');
    const ran: ProbeResult = {
      kind: 'command',
      exitStatus: 127,
      stdout: '',
      stderr: 'sh: 1: foobar: not found\n',
      timedOut: false,
      durationMs: 3,
    };
    expect(
      evaluateOne('command', { command: 'foobar', exitStatus: 127, matchers: { stdout: '', stderr: ['not found'] } }, answer(ran)).status,
    ).toBe('pass');
    expect(evaluateOne('command', { command: 'foobar', exitStatus: 127, matchers: { stderr: '' } }, answer(ran)).status).toBe('fail');
    expect(
      evaluateOne(
        'kernel_param',
        { key: 'net.core.somaxconn', matchers: { value: { gt: 200 } } },
        answer({ kind: 'kernel_param', value: '128' }),
      ).status,
    ).toBe('fail');
    expect(evaluateOne('port', { port: 22, protocol: 'tcp', matchers: { ip: ['0.0.0.0'] } }).status).toBe('pass');
    expect(evaluateOne('port', { port: 22, protocol: 'tcp', matchers: { ip: { 'consist-of': ['127.0.0.1'] } } }).status).toBe('fail');
  });

  it('an unknown matcher is refused by the schema, naming it', () => {
    expect(evaluateOne('file', { path: '/etc/passwd', matchers: { size: { 'be-small': 1 } } }, answer(file))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('unknown matcher "be-small"'),
    });
    expect(evaluateOne('file', { path: '/etc/passwd', matchers: { colour: 'blue' } }, answer(file))).toMatchObject({
      status: 'error',
      message: expect.stringContaining('"colour" is not a Goss attribute of file'),
    });
  });
});

describe('mount and interface', () => {
  const mount: ProbeResult = {
    kind: 'mount',
    exists: true,
    opts: ['rw', 'nosuid'],
    vfsOpts: ['rw'],
    source: 'tmpfs',
    filesystem: 'tmpfs',
    usage: 12,
  };
  it.each([
    [
      {
        mountPoint: '/dev',
        matchers: {
          opts: ['rw', 'nosuid'],
          'vfs-opts': ['rw'],
          source: 'tmpfs',
          filesystem: 'tmpfs',
          usage: { and: [{ lt: 25 }, { gt: 0 }] },
        },
      },
      mount,
      'pass',
    ],
    [{ mountPoint: '/dev', matchers: { opts: ['ro'] } }, mount, 'fail'],
    [{ mountPoint: '/data' }, { ...mount, exists: false }, 'fail'],
    [{ mountPoint: '/data', exists: false }, { ...mount, exists: false }, 'pass'],
  ] as const)('mount %j → %s', (params, probe, status) => {
    expect(evaluateOne('mount', params, answer(probe)).status).toBe(status);
  });
  it.each([
    [{ name: 'eth0', matchers: { addrs: { 'contain-element': { 'have-prefix': '172.17' } }, mtu: 1500 } }, 'pass'],
    [{ name: 'eth0', matchers: { mtu: 9000 } }, 'fail'],
  ] as const)('interface %j → %s', (params, status) => {
    expect(
      evaluateOne(
        'interface',
        params,
        answer({ kind: 'interface', exists: true, addrs: ['172.17.0.2/16', 'fe80::42:acff:fe11:2/64'], mtu: 1500 }),
      ).status,
    ).toBe(status);
  });
});

describe('service aliases', () => {
  it('judges `sshd` on the unit it is an alias of (Debian: ssh.service)', () => {
    const facts = makeFacts();
    const services = facts.services.map((s) => (s.name === 'ssh.service' ? { ...s, aliases: ['sshd'] } : s));
    expect(evaluateOne('service', { name: 'sshd', active: true, enabled: true }, { services })).toMatchObject({ status: 'pass' });
    expect(evaluateOne('service', { name: 'sshd', active: true }).status).toBe('fail'); // no alias known
  });
});
