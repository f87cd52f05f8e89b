import { evaluate } from '../../shared/checks/evaluate';
import type { Facts } from '../../shared/checks/facts';
import type { RequirementResult } from '../../shared/checks/results';

const GiB = 1024 ** 3;

/** A plausible Ubuntu 24.04 server's facts, with any part replaced, for evaluator tests. */
export function makeFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    source: 'ssh',
    collectedAt: '2026-11-24T06:00:00.000Z',
    durationMs: 180,
    hostName: 'pos-srv-01',
    os: {
      family: 'linux',
      distribution: 'ubuntu',
      distributionName: 'Ubuntu 24.04.1 LTS',
      version: '24.04',
      kernel: '6.8.0-45-generic',
      architecture: 'x86_64',
    },
    cpu: { model: 'Intel(R) Xeon(R) E-2388G', cores: 8, threads: 16 },
    memory: { totalBytes: Math.round(31.3 * GiB), availableBytes: 20 * GiB },
    mounts: [
      { mount: '/', device: '/dev/sda2', fsType: 'ext4', sizeBytes: 100 * GiB, freeBytes: 40 * GiB, usePercent: 60 },
      { mount: '/var', device: '/dev/sdb1', fsType: 'xfs', sizeBytes: 500 * GiB, freeBytes: 150 * GiB, usePercent: 70 },
      { mount: '/boot/efi', device: '/dev/sda1', fsType: 'vfat', sizeBytes: GiB, freeBytes: GiB / 2, usePercent: 50 },
    ],
    hardware: { vendor: 'Dell Inc.', model: 'PowerEdge T150', serial: 'SRV-0001-AB', boardSerial: 'BRD-1' },
    network: [{ name: 'eth0', mac: '52:54:00:12:34:56', addresses: ['10.20.1.10/24'] }],
    packages: [
      { name: 'nginx', version: '1.24.0-2ubuntu7', arch: 'amd64', manager: 'dpkg' },
      { name: 'openssh-server', version: '1:9.6p1-3ubuntu13.5', arch: 'amd64', manager: 'dpkg' },
      { name: 'pos-server', version: '2026.4.1', arch: 'amd64', manager: 'dpkg' },
    ],
    services: [
      { name: 'ssh.service', active: true, enabled: true, state: 'running' },
      { name: 'nginx.service', active: true, enabled: false, state: 'running' },
      { name: 'cups.service', active: false, enabled: false, state: 'dead' },
      { name: 'pos-server.service', active: true, enabled: null, state: 'running' },
    ],
    ports: [
      { protocol: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd' },
      { protocol: 'tcp6', address: '::', port: 22, process: 'sshd' },
      { protocol: 'tcp6', address: '::', port: 8443, process: 'java' },
      { protocol: 'tcp', address: '127.0.0.1', port: 5432, process: 'postgres' },
      { protocol: 'udp', address: '127.0.0.53', port: 53, process: 'systemd-resolve' },
    ],
    processes: [
      { pid: 1, name: 'systemd', command: '/sbin/init' },
      { pid: 812, name: 'sshd', command: '/usr/sbin/sshd -D' },
      { pid: 990, name: 'nginx', command: 'nginx: master process /usr/sbin/nginx' },
    ],
    clock: { time: '2026-11-24T06:00:00.800Z', offsetSeconds: 0.8, synchronized: true, source: 'chrony' },
    probes: {},
    unreadable: [],
    ...overrides,
  };
}

/** Evaluates one requirement (id "r1") against `makeFacts(facts)`. */
export function evaluateOne(
  kind: string,
  params: Record<string, unknown>,
  facts: Partial<Facts> = {},
  expectedSerial: string | null = null,
): RequirementResult {
  return evaluate(makeFacts(facts), [{ id: 'r1', kind, description: `a ${kind} requirement`, params }], { expectedSerial })[0]!;
}
