import { describe, expect, it } from 'vitest';
import type { Facts } from '../facts';
import { evaluateOne, makeFacts } from '../../../test/support/make-facts';

const rpmPackages = [
  { name: 'httpd', version: '2.4.57-5.el9', arch: 'x86_64', manager: 'rpm' as const },
  { name: 'kernel', version: '5.14.0-362.8.1.el9_3', arch: 'x86_64', manager: 'rpm' as const },
  { name: 'kernel', version: '5.14.0-427.13.1.el9_4', arch: 'x86_64', manager: 'rpm' as const },
];

describe('package', () => {
  it.each([
    [{ name: 'nginx' }, {}, 'pass'],
    [{ name: 'nginx', version: '>=1.24 <2' }, {}, 'pass'],
    [{ name: 'nginx', version: '>=1.24.0-2ubuntu8' }, {}, 'fail'],
    [{ name: 'nginx', version: '=1.24.0-2ubuntu7' }, {}, 'pass'],
    [{ name: 'openssh-server', version: '>=9.6p1' }, {}, 'pass'], // the epoch 1: wins
    [{ name: 'openssh-server', version: '>=1:9.6p1-3ubuntu13.10' }, {}, 'fail'], // 13.5 < 13.10
    [{ name: 'nginx:amd64' }, {}, 'pass'],
    [{ name: 'apache2' }, {}, 'fail'],
    [{ name: 'apache2', installed: false }, {}, 'pass'],
    [{ name: 'nginx', installed: false }, {}, 'fail'],
    [{ name: 'httpd', version: '>=2.4.57' }, { packages: rpmPackages }, 'pass'], // rpm: release ignored
    [{ name: 'httpd', version: '<2.4.57-11.el9' }, { packages: rpmPackages }, 'pass'], // 5 < 11
    [{ name: 'kernel', version: '>=5.14.0-400' }, { packages: rpmPackages }, 'pass'], // any installed version
    [{ name: 'nginx; rm -rf /' }, {}, 'error'], // unsafe name
    [{ name: 'nginx' }, { packages: [] }, 'error'],
  ] as const)('%j → %s', (params, facts, status) => {
    expect(evaluateOne('package', params, facts as Partial<Facts>).status).toBe(status);
  });

  it('shows the installed version, the manager and the ordering used', () => {
    expect(evaluateOne('package', { name: 'nginx', version: '>=1.25' })).toMatchObject({
      status: 'fail',
      expected: 'nginx installed at >=1.25',
      actual: 'nginx 1.24.0-2ubuntu7 (amd64) [dpkg]',
      message: '1.24.0-2ubuntu7 is not >= 1.25 (Debian version order)',
    });
  });

  it('says why the package list is missing', () => {
    const result = evaluateOne(
      'package',
      { name: 'nginx' },
      { packages: [], unreadable: [{ fact: 'packages', reason: 'neither dpkg-query nor rpm found', needsPrivilege: false }] },
    );
    expect(result).toMatchObject({ status: 'error', message: 'Could not read the installed packages: neither dpkg-query nor rpm found' });
  });
});

describe('service', () => {
  it.each([
    [{ name: 'ssh', enabled: true }, 'pass'],
    [{ name: 'ssh.service' }, 'pass'],
    [{ name: 'nginx', enabled: true }, 'fail'],
    [{ name: 'nginx', enabled: false }, 'pass'],
    [{ name: 'cups' }, 'fail'],
    [{ name: 'cups', active: false, enabled: false }, 'pass'],
    [{ name: 'telnetd', active: false }, 'pass'],
    [{ name: 'telnetd' }, 'fail'],
    [{ name: 'pos-server', enabled: true }, 'error'], // enabled state unknown
    [{ name: 'pos-server' }, 'pass'],
  ] as const)('%j → %s', (params, status) => {
    expect(evaluateOne('service', params).status).toBe(status);
  });

  it("gives the collector's reason when the enabled state is unknown", () => {
    const result = evaluateOne(
      'service',
      { name: 'pos-server', enabled: true },
      { unreadable: [{ fact: 'services.enabled', reason: 'systemctl list-unit-files failed', needsPrivilege: false }] },
    );
    expect(result).toMatchObject({
      status: 'error',
      message: 'Could not tell whether pos-server is enabled: systemctl list-unit-files failed',
    });
  });

  it('explains a stopped service', () => {
    expect(evaluateOne('service', { name: 'cups', enabled: true })).toMatchObject({
      expected: 'service cups running and enabled',
      actual: 'not running (dead), not enabled',
      message: 'cups is not running (dead); cups is not enabled',
    });
  });
});

describe('port', () => {
  it.each([
    [{ port: 22 }, 'pass'],
    [{ port: 22, protocol: 'tcp6' }, 'pass'],
    [{ port: 22, address: '0.0.0.0' }, 'pass'],
    [{ port: 22, address: '[::]', protocol: 'tcp6' }, 'pass'],
    [{ port: 8443 }, 'pass'], // an IPv6 wildcard socket is dual-stack
    [{ port: 5432, address: '127.0.0.1' }, 'pass'],
    [{ port: 5432, address: '10.20.1.10' }, 'fail'],
    [{ port: 53, protocol: 'udp' }, 'pass'],
    [{ port: 53, protocol: 'tcp' }, 'fail'],
    [{ port: 443 }, 'fail'],
    [{ port: 443, listening: false }, 'pass'],
    [{ port: 22, listening: false }, 'fail'],
    [{ port: 70000 }, 'error'],
  ] as const)('%j → %s', (params, status) => {
    expect(evaluateOne('port', params).status).toBe(status);
  });

  it('lists what does listen on the port', () => {
    expect(evaluateOne('port', { port: 5432, address: '10.20.1.10' })).toMatchObject({
      expected: 'tcp port 5432 on 10.20.1.10 listening',
      actual: 'tcp 127.0.0.1:5432 (postgres)',
    });
  });

  it('is an error when the ports could not be read', () => {
    const result = evaluateOne(
      'port',
      { port: 22 },
      { ports: [], unreadable: [{ fact: 'ports', reason: 'ss not found', needsPrivilege: false }] },
    );
    expect(result.status).toBe('error');
  });
});

describe('process', () => {
  it.each([
    [{ name: 'sshd' }, {}, 'pass'],
    [{ name: 'nginx' }, {}, 'pass'],
    [{ name: 'init' }, {}, 'pass'], // by the command's base name
    [{ name: 'postgres' }, {}, 'fail'],
    [{ name: 'postgres', running: false }, {}, 'pass'],
    [{ name: 'sshd', running: false }, {}, 'fail'],
    [{ name: 'sshd' }, { processes: [] }, 'error'],
  ] as const)('%j → %s', (params, facts, status) => {
    expect(evaluateOne('process', params, facts as Partial<Facts>).status).toBe(status);
  });

  it('names the pids found', () => {
    expect(evaluateOne('process', { name: 'sshd' }).actual).toBe('running: 1 process (pid 812)');
    expect(makeFacts().processes).toHaveLength(3);
  });
});
