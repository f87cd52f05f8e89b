import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../shared/domain/deployment';
import { describeParams, formatBytes } from './describe-params';
import { groupRequirements } from './group-requirements';
import { fileTooLarge, importTooLarge } from './goss-size';

describe('describeParams', () => {
  it('renders each kind compactly', () => {
    expect(describeParams('package', { name: 'nginx', version: '>=1.22' })).toBe('package nginx >= 1.22');
    expect(describeParams('package', { name: 'telnetd', installed: false })).toBe('package telnetd not installed');
    expect(describeParams('package', { name: 'openssh-server' })).toBe('package openssh-server installed');
    expect(describeParams('port', { port: 443, protocol: 'tcp' })).toBe('port tcp/443 listening');
    expect(describeParams('port', { port: 22, protocol: 'tcp6', address: '::', listening: true })).toBe('port tcp6/22 listening on ::');
    expect(describeParams('file', { path: '/etc/pos/pos.conf', mode: '0640', owner: 'pos' })).toBe(
      'file /etc/pos/pos.conf mode 0640 owner pos',
    );
    expect(describeParams('file', { path: '/etc/telnetd.conf', exists: false })).toBe('file /etc/telnetd.conf absent');
    expect(describeParams('memory', { minBytes: 32 * 1024 ** 3 })).toBe('memory ≥ 32 GiB');
    expect(describeParams('os', { family: 'linux', distribution: 'ubuntu', version: '>=24.04' })).toBe('os linux ubuntu >= 24.04');
    expect(describeParams('service', { name: 'cups', active: false, enabled: false })).toBe('service cups stopped, disabled');
    expect(describeParams('clock_skew', { maxSeconds: 2 })).toBe('clock within 2 s');
  });

  it('falls back to key=value for unknown kinds and parameters that do not match their kind', () => {
    expect(describeParams('smart_status', { disk: '/dev/sda', healthy: true })).toBe('smart_status disk=/dev/sda healthy=true');
    expect(describeParams('port', { port: 'https' })).toBe('port port=https');
  });

  it('renders the network and account kinds Goss imports produce', () => {
    expect(describeParams('command', { command: 'pos-server --version', exitStatus: 0, stdout: ['2026.4'], timeoutSeconds: 5 })).toBe(
      'command `pos-server --version` exit 0 stdout "2026.4" timeout 5 s',
    );
    expect(describeParams('http', { url: 'https://localhost:8443/health', status: 200, allowInsecure: true, timeoutSeconds: 3 })).toBe(
      'http https://localhost:8443/health → 200 insecure TLS allowed timeout 3 s',
    );
    expect(describeParams('http', { url: 'https://pos/health', body: ['"status":"ok"'] })).toBe(
      'http https://pos/health → 200 body \'"status":"ok"\' timeout 10 s',
    );
    expect(describeParams('dns', { name: 'pos.store.example.com', addresses: ['10.20.1.10'] })).toBe(
      'dns pos.store.example.com resolves to 10.20.1.10',
    );
    expect(describeParams('user', { name: 'deploy', uid: 1001, groups: ['deploy', 'sudo'] })).toBe(
      'user deploy uid 1001 groups deploy, sudo',
    );
    expect(describeParams('disk_free', { mount: '/var/lib/pos', maxUsePercent: 90 })).toBe('disk /var/lib/pos used < 90%');
    expect(describeParams('kernel_param', { key: 'vm.swappiness', value: '10' })).toBe('kernel vm.swappiness = 10');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(100 * 1024 ** 3)).toBe('100 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12)).toBe('12 B');
  });
});

describe('groupRequirements', () => {
  const req = (id: string, targetRole: string | null): Requirement => ({
    id,
    deploymentId: 'd',
    targetRole,
    kind: 'package',
    description: id,
    params: {},
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
  });
  it('puts "All targets" first, then roles alphabetically, keeping the order inside a group', () => {
    const groups = groupRequirements([req('1', 'pos-server'), req('2', null), req('3', 'backoffice'), req('4', 'pos-server')]);
    expect(groups.map((g) => [g.label, g.requirements.map((r) => r.id)])).toEqual([
      ['All targets', ['2']],
      ['backoffice', ['3']],
      ['pos-server', ['1', '4']],
    ]);
  });
});

describe('Goss size checks', () => {
  it('refuses files over the API payload limit before reading them', () => {
    expect(fileTooLarge({ name: 'big.yaml', size: 300 * 1024 })).toMatch(/big\.yaml is 300 KB: Outpost accepts at most 256 KB/);
    expect(fileTooLarge({ name: 'small.yaml', size: 2000 })).toBeNull();
  });
  it('refuses a request whose encoded body or text is too large', () => {
    expect(importTooLarge({ deploymentId: 'd', targetRole: null, yaml: 'x'.repeat(210_000) })).toMatch(/at most 200,000 can be imported/);
    expect(importTooLarge({ deploymentId: 'd', targetRole: null, yaml: '"'.repeat(150_000) })).toMatch(/once encoded/);
    expect(importTooLarge({ deploymentId: 'd', targetRole: 'pos', yaml: 'package: {}' })).toBeNull();
  });
});
