import { describe, expect, it } from 'vitest';
import { findGossTemplates, mapGossDocument } from './goss-import';

function drafts(document: unknown) {
  const result = mapGossDocument(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('mapGossDocument', () => {
  it.each([
    ['port', { 'tcp:22': { listening: true } }, { kind: 'port', params: { port: 22, protocol: 'tcp', listening: true } }],
    ['port', { 'tcp6:22': { listening: 'true' } }, { kind: 'port', params: { port: 22, protocol: 'tcp6', listening: true } }],
    ['port', { 'udp:53': { listening: false } }, { kind: 'port', params: { port: 53, protocol: 'udp', listening: false } }],
    ['port', { '8080': { listening: true } }, { kind: 'port', params: { port: 8080, protocol: 'tcp' } }],
    [
      'package',
      { nginx: { installed: true, versions: ['1.10'] } },
      { kind: 'package', params: { name: 'nginx', version: '=1.10', installed: true } },
    ],
    ['service', { sshd: { enabled: true, running: true } }, { kind: 'service', params: { name: 'sshd', active: true, enabled: true } }],
    ['service', { cups: { enabled: false } }, { kind: 'service', params: { name: 'cups', active: true, enabled: false } }],
    ['process', { chronyd: { running: true } }, { kind: 'process', params: { name: 'chronyd', running: true } }],
    [
      'command',
      { 'systemctl is-system-running': { 'exit-status': 0, stdout: ['running'], timeout: 2500 } },
      { kind: 'command', params: { command: 'systemctl is-system-running', exitStatus: 0, stdout: ['running'], timeoutSeconds: 2.5 } },
    ],
    [
      'command',
      { 'Is running': { exec: 'pgrep x', 'exit-status': '1' } },
      { kind: 'command', description: 'Is running', params: { command: 'pgrep x', exitStatus: 1 } },
    ],
    [
      'command',
      { 'uname -r': { 'exit-status': { equal: 0 }, stdout: { 'have-patterns': ['6.8'] } } },
      { kind: 'command', params: { exitStatus: 0, stdout: ['6.8'] } },
    ],
    [
      'command',
      { 'uname -r': { 'exit-status': { lt: 2 }, stderr: '' } },
      { kind: 'command', params: { command: 'uname -r', matchers: { 'exit-status': { lt: 2 }, stderr: '' } } },
    ],
    [
      'http',
      { 'http://localhost/': { status: 301, body: ['Moved'] } },
      { kind: 'http', params: { url: 'http://localhost/', status: 301, body: ['Moved'], allowInsecure: false } },
    ],
    ['addr', { 'tcp://[fd00::1]:443': { reachable: true } }, { kind: 'addr', params: { host: 'fd00::1', port: 443, protocol: 'tcp' } }],
    [
      'addr',
      { 'udp://ntp.example.com:123': { reachable: false } },
      { kind: 'addr', params: { host: 'ntp.example.com', port: 123, protocol: 'udp', reachable: false } },
    ],
    [
      'dns',
      { 'A:example.com': { resolvable: true, addrs: ['93.184.216.34'] } },
      { kind: 'dns', params: { name: 'example.com', resolvable: true, addresses: ['93.184.216.34'] } },
    ],
    ['dns', { 'example.com': { resolveable: false } }, { kind: 'dns', params: { name: 'example.com', resolvable: false } }],
    [
      'mount',
      { '/data': { exists: true, usage: { lt: 85 } } },
      { kind: 'mount', params: { mountPoint: '/data', exists: true, matchers: { usage: { lt: 85 } } } },
    ],
    [
      'mount',
      { '/data': { exists: true, opts: ['rw'], filesystem: 'xfs' } },
      { kind: 'mount', params: { mountPoint: '/data', exists: true, matchers: { opts: ['rw'], filesystem: 'xfs' } } },
    ],
    [
      'interface',
      { eth0: { exists: true, addrs: { 'contain-element': { 'have-prefix': '172.17' } }, mtu: 1500 } },
      { kind: 'interface', params: { name: 'eth0', matchers: { addrs: { 'contain-element': { 'have-prefix': '172.17' } }, mtu: 1500 } } },
    ],
    ['user', { www: { uid: { lt: 1000 }, gid: 33 } }, { kind: 'user', params: { name: 'www', matchers: { uid: { lt: 1000 }, gid: 33 } } }],
    [
      'package',
      { nginx: { installed: true, versions: { 'contain-element': { 'semver-constraint': '>=1.20' } } } },
      { kind: 'package', params: { name: 'nginx', matchers: { versions: { 'contain-element': { 'semver-constraint': '>=1.20' } } } } },
    ],
    [
      'dns',
      { 'SRV:_https._tcp.dnstest.io': { resolvable: true, addrs: ['0 5 443 a.dnstest.io.'], server: '8.8.8.8' } },
      { kind: 'dns', params: { name: '_https._tcp.dnstest.io', type: 'SRV', server: '8.8.8.8', addresses: ['0 5 443 a.dnstest.io.'] } },
    ],
    [
      'http',
      {
        'http://localhost/': {
          status: 301,
          'no-follow-redirects': true,
          method: 'put',
          'request-headers': ['X-A: 1'],
          headers: ['Location'],
        },
      },
      { kind: 'http', params: { followRedirects: false, method: 'PUT', requestHeaders: ['X-A: 1'], matchers: { headers: ['Location'] } } },
    ],
    [
      'kernel-param',
      { 'net.core.somaxconn': { value: { gt: 200 } } },
      { kind: 'kernel_param', params: { key: 'net.core.somaxconn', matchers: { value: { gt: 200 } } } },
    ],
    [
      'kernel-param',
      { 'kernel.pid_max': { value: 4194304 } },
      { kind: 'kernel_param', params: { key: 'kernel.pid_max', value: '4194304' } },
    ],
    ['user', { deploy: { exists: true, groups: ['sudo'] } }, { kind: 'user', params: { name: 'deploy', exists: true, groups: ['sudo'] } }],
    ['group', { docker: { exists: true, gid: '998' } }, { kind: 'group', params: { name: 'docker', exists: true, gid: 998 } }],
    [
      'file',
      { '/etc/motd': { exists: true, mode: 644, contains: ['Welcome'] } },
      { kind: 'file', params: { path: '/etc/motd', mode: '644', contains: ['Welcome'] } },
    ],
  ])('%s %j', (section, resources, expected) => {
    const result = drafts({ [section]: resources });
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]).toMatchObject(expected);
  });

  it('makes one requirement per listed version and per listed ip (Goss: all of them)', () => {
    const result = drafts({
      package: { kernel: { installed: true, versions: ['5.14.0-362', '5.14.0-427'] } },
      port: { 'tcp:22': { listening: true, ip: ['0.0.0.0', '::'] } },
    });
    expect(result.drafts.map((d) => d.params)).toEqual([
      { name: 'kernel', version: '=5.14.0-362', installed: true },
      { name: 'kernel', version: '=5.14.0-427', installed: true },
      { port: 22, protocol: 'tcp', address: '0.0.0.0', listening: true },
      { port: 22, protocol: 'tcp', address: '::', listening: true },
    ]);
  });

  it('uses the title as description and lists every attribute and section it leaves out', () => {
    const result = drafts({
      file: {
        '/etc/hosts': { exists: true, title: 'Hosts file present', filetype: 'file', md5: 'x', meta: { owner: 'ops' }, colour: 'blue' },
      },
      matching: {},
      bogus: {},
      service: { ntpd: { skip: true, running: true } },
      http: { 'https://x.example/': { status: 200, headers: ['a: b'], method: 'POST', username: 'u', password: '', proxy: 'http://p:1' } },
    });
    expect(result.drafts.map((d) => d.description)).toEqual(['Hosts file present', 'https://x.example/ answers 200']);
    expect(result.drafts[0]!.params.matchers).toEqual({ filetype: 'file', md5: 'x' });
    expect(result.skipped).toEqual([
      { path: 'file: /etc/hosts: meta', reason: 'Goss metadata is not imported' },
      { path: 'file: /etc/hosts: colour', reason: 'Outpost does not check "colour" for file' },
      { path: 'matching', reason: expect.stringContaining('nothing on the machine') },
      { path: 'bogus', reason: 'Unknown Goss section "bogus"' },
      { path: 'service: ntpd', reason: 'marked "skip: true" in the Goss file' },
      { path: 'http: https://x.example/: username', reason: expect.stringContaining('credentials') },
      { path: 'http: https://x.example/: proxy', reason: expect.stringContaining('proxy') },
    ]);
  });

  it('keeps matchers for Goss to judge, refuses an unknown matcher by name, and skips unknown record types', () => {
    const result = mapGossDocument({
      command: { 'echo hi': { 'exit-status': { 'be-nice': 2 } }, 'echo ok': { 'exit-status': 0 } },
      dns: { 'LOC:example.com': { resolvable: true } },
    });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: 'command: echo hi: matchers.exit-status', message: 'unknown matcher "be-nice"' }],
    });
    const ok = drafts({ command: { 'echo hi': { 'exit-status': { lt: 2 } } }, dns: { 'LOC:example.com': { resolvable: true } } });
    expect(ok.drafts[0]!.params.matchers).toEqual({ 'exit-status': { lt: 2 } });
    expect(ok.skipped).toEqual([{ path: 'dns: LOC:example.com', reason: expect.stringContaining('LOC records') }]);
  });

  it('refuses invalid and hostile values with the path of each', () => {
    const result = mapGossDocument({
      package: { 'nginx; touch /tmp/canary': { installed: true } },
      file: { '/etc/../shadow': { exists: 'maybe' } },
      port: { 'tcp:70000': { listening: true } },
      dns: { '$(reboot)': { resolvable: true } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'package: nginx; touch /tmp/canary: name',
      'file: /etc/../shadow: exists',
      'file: /etc/../shadow: path',
      'port: tcp:70000: port',
      'dns: $(reboot): name',
    ]);
  });

  it('refuses a document that is not a map, and one with nothing to check', () => {
    expect(mapGossDocument(['file'])).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('map of sections') }] });
    expect(mapGossDocument({ matching: { x: {} } })).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('no Goss resource') }],
      skipped: [{ path: 'matching' }],
    });
  });
});

describe('findGossTemplates', () => {
  it('names every line with a template', () => {
    expect(findGossTemplates('a: 1\nport:\n  tcp:{{ .Vars.port }}:\n    listening: true\n')).toEqual([
      { path: 'line 3', message: expect.stringContaining('Line 3 uses a Goss template ({{ .Vars.port }})') },
    ]);
    expect(findGossTemplates('file:\n  /etc/hosts: {}\n')).toEqual([]);
  });
  it('accepts empty values as Goss renders them: stdout "" is exactly empty, [] and null require nothing', () => {
    for (const stdout of [[], null]) {
      const result = drafts({ command: { true: { 'exit-status': 0, stdout } } });
      expect(result.drafts[0]?.params).toMatchObject({ command: 'true', exitStatus: 0, stdout: [] });
      expect(result.skipped).toEqual([]);
    }
    const empty = drafts({ command: { true: { 'exit-status': 0, stdout: '', stderr: '' } } });
    expect(empty.drafts[0]?.params).toMatchObject({ command: 'true', exitStatus: 0, matchers: { stdout: '', stderr: '' } });
    expect(empty.skipped).toEqual([]);
  });
});
