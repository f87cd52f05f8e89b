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
    ['package', { nginx: { installed: true, versions: ['1.10'] } }, { kind: 'package', params: { name: 'nginx', version: '=1.10', installed: true } }],
    ['service', { sshd: { enabled: true, running: true } }, { kind: 'service', params: { name: 'sshd', active: true, enabled: true } }],
    ['service', { cups: { enabled: false } }, { kind: 'service', params: { name: 'cups', active: true, enabled: false } }],
    ['process', { chronyd: { running: true } }, { kind: 'process', params: { name: 'chronyd', running: true } }],
    ['command', { 'systemctl is-system-running': { 'exit-status': 0, stdout: ['running'], timeout: 2500 } }, { kind: 'command', params: { command: 'systemctl is-system-running', exitStatus: 0, stdout: ['running'], timeoutSeconds: 2.5 } }],
    ['command', { 'Is running': { exec: 'pgrep x', 'exit-status': '1' } }, { kind: 'command', description: 'Is running', params: { command: 'pgrep x', exitStatus: 1 } }],
    ['command', { 'uname -r': { 'exit-status': { equal: 0 }, stdout: { 'have-patterns': ['6.8'] } } }, { kind: 'command', params: { exitStatus: 0, stdout: ['6.8'] } }],
    ['http', { 'http://localhost/': { status: 301, body: ['Moved'] } }, { kind: 'http', params: { url: 'http://localhost/', status: 301, body: ['Moved'], allowInsecure: false } }],
    ['addr', { 'tcp://[fd00::1]:443': { reachable: true } }, { kind: 'addr', params: { host: 'fd00::1', port: 443, protocol: 'tcp' } }],
    ['addr', { 'udp://ntp.example.com:123': { reachable: false } }, { kind: 'addr', params: { host: 'ntp.example.com', port: 123, protocol: 'udp', reachable: false } }],
    ['dns', { 'A:example.com': { resolvable: true, addrs: ['93.184.216.34'] } }, { kind: 'dns', params: { name: 'example.com', resolvable: true, addresses: ['93.184.216.34'] } }],
    ['dns', { 'example.com': { resolveable: false } }, { kind: 'dns', params: { name: 'example.com', resolvable: false } }],
    ['mount', { '/data': { exists: true, usage: { lt: 85 } } }, { kind: 'disk_free', params: { mount: '/data', maxUsePercent: 85 } }],
    ['mount', { '/data': { exists: true } }, { kind: 'file', params: { path: '/data', exists: true } }],
    ['kernel-param', { 'kernel.pid_max': { value: 4194304 } }, { kind: 'kernel_param', params: { key: 'kernel.pid_max', value: '4194304' } }],
    ['user', { deploy: { exists: true, groups: ['sudo'] } }, { kind: 'user', params: { name: 'deploy', exists: true, groups: ['sudo'] } }],
    ['group', { docker: { exists: true, gid: '998' } }, { kind: 'group', params: { name: 'docker', exists: true, gid: 998 } }],
    ['file', { '/etc/motd': { exists: true, mode: 644, contains: ['Welcome'] } }, { kind: 'file', params: { path: '/etc/motd', mode: '644', contains: ['Welcome'] } }],
  ])('%s %j', (section, resources, expected) => {
    const result = drafts({ [section]: resources });
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]).toMatchObject(expected);
  });

  it('makes one requirement per listed version and per listed ip (Goss: all of them)', () => {
    const result = drafts({ package: { kernel: { installed: true, versions: ['5.14.0-362', '5.14.0-427'] } }, port: { 'tcp:22': { listening: true, ip: ['0.0.0.0', '::'] } } });
    expect(result.drafts.map((d) => d.params)).toEqual([
      { name: 'kernel', version: '=5.14.0-362', installed: true },
      { name: 'kernel', version: '=5.14.0-427', installed: true },
      { port: 22, protocol: 'tcp', address: '0.0.0.0', listening: true },
      { port: 22, protocol: 'tcp', address: '::', listening: true },
    ]);
  });

  it('uses the title as description and lists every attribute and section it leaves out', () => {
    const result = drafts({
      file: { '/etc/hosts': { exists: true, title: 'Hosts file present', filetype: 'file', md5: 'x', meta: { owner: 'ops' }, colour: 'blue' } },
      interface: { eth0: { exists: true } },
      matching: {},
      bogus: {},
      service: { ntpd: { skip: true, running: true } },
      http: { 'https://x.example/': { status: 200, headers: ['a: b'], method: 'POST' } },
    });
    expect(result.drafts.map((d) => d.description)).toEqual(['Hosts file present', 'https://x.example/ answers 200']);
    expect(result.skipped).toEqual([
      { path: 'file: /etc/hosts: meta', reason: 'Goss metadata is not imported' },
      { path: 'file: /etc/hosts: filetype', reason: 'Outpost does not check the file type' },
      { path: 'file: /etc/hosts: md5', reason: expect.stringContaining('md5') },
      { path: 'file: /etc/hosts: colour', reason: 'Outpost does not check "colour" for file' },
      { path: 'interface', reason: 'Outpost has no network interface check' },
      { path: 'matching', reason: 'Outpost has no matching check' },
      { path: 'bogus', reason: 'Unknown Goss section "bogus"' },
      { path: 'service: ntpd', reason: 'marked "skip: true" in the Goss file' },
      { path: 'http: https://x.example/: headers', reason: expect.stringContaining('headers') },
      { path: 'http: https://x.example/: method', reason: expect.stringContaining('method') },
    ]);
  });

  it('skips a resource whose matcher it cannot express, and record types other than addresses', () => {
    const result = drafts({ command: { 'echo hi': { 'exit-status': { lt: 2 } }, 'echo ok': { 'exit-status': 0 } }, dns: { 'MX:example.com': { resolvable: true } } });
    expect(result.drafts.map((d) => d.params.command)).toEqual(['echo ok']);
    expect(result.skipped).toEqual([
      { path: 'command: echo hi', reason: expect.stringContaining('"lt" is not supported') },
      { path: 'dns: MX:example.com', reason: expect.stringContaining('MX records') },
    ]);
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
    expect(result.issues.map((i) => i.path)).toEqual(['package: nginx; touch /tmp/canary: name', 'file: /etc/../shadow: exists', 'file: /etc/../shadow: path', 'port: tcp:70000: port', 'dns: $(reboot): name']);
  });

  it('refuses a document that is not a map, and one with nothing to check', () => {
    expect(mapGossDocument(['file'])).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('map of sections') }] });
    expect(mapGossDocument({ interface: { eth0: {} } })).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('no Goss resource') }], skipped: [{ path: 'interface' }] });
  });
});

describe('findGossTemplates', () => {
  it('names every line with a template', () => {
    expect(findGossTemplates('a: 1\nport:\n  tcp:{{ .Vars.port }}:\n    listening: true\n')).toEqual([
      { path: 'line 3', message: expect.stringContaining('Line 3 uses a Goss template ({{ .Vars.port }})') },
    ]);
    expect(findGossTemplates('file:\n  /etc/hosts: {}\n')).toEqual([]);
  });
  it('accepts empty values as Goss renders them (stdout: "", [] and null), naming what is not checked', () => {
    for (const stdout of ['', [], null]) {
      const result = drafts({ command: { true: { 'exit-status': 0, stdout } } });
      expect(result.drafts[0]?.params).toMatchObject({ command: 'true', exitStatus: 0, stdout: [] });
    }
    expect(drafts({ command: { true: { stdout: '' } } }).skipped).toContainEqual({ path: 'command: true: stdout', reason: expect.stringContaining('empty') });
  });
});
