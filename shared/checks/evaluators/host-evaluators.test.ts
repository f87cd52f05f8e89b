import { describe, expect, it } from 'vitest';
import { evaluateOne, makeFacts } from '../../../test/support/make-facts';
import { mountFor } from './host-evaluators';

const GiB = 1024 ** 3;
const os = makeFacts().os;

describe('os', () => {
  it.each([
    [{ family: 'linux', distribution: 'ubuntu', version: '>=24.04' }, {}, 'pass'],
    [{ distribution: ['debian', 'ubuntu'], version: '>=22.04 <26' }, {}, 'pass'],
    [{ distribution: 'UBUNTU' }, {}, 'pass'],
    [{ family: 'linux', distribution: 'ubuntu', version: '>=24.10' }, {}, 'fail'],
    [{ distribution: 'rhel' }, {}, 'fail'],
    [{ family: 'darwin' }, {}, 'fail'],
    [{ distribution: 'rhel', version: '>=9.2' }, { os: { ...os, distribution: 'rhel', version: '9.10' } }, 'pass'], // 9.10 > 9.2
    [{ version: '>=24.04' }, { os: { ...os, version: null } }, 'error'],
    [{ version: '>=1..2 <' }, {}, 'error'],
  ] as const)('%j on %j → %s', (params, facts, status) => {
    expect(evaluateOne('os', params, facts).status).toBe(status);
  });

  it('shows expected and actual', () => {
    expect(evaluateOne('os', { distribution: 'ubuntu', version: '>=26.04' })).toMatchObject({
      status: 'fail',
      expected: 'ubuntu >=26.04',
      actual: 'linux ubuntu 24.04 (Ubuntu 24.04.1 LTS)',
      message: 'version 24.04 is not >= 26.04',
    });
  });
});

describe('cpu_cores and memory', () => {
  it.each([
    ['cpu_cores', { min: 8 }, {}, 'pass'],
    ['cpu_cores', { min: 12 }, {}, 'fail'],
    ['cpu_cores', { min: 4 }, { cpu: { model: null, cores: null, threads: 4 } }, 'pass'], // threads when cores unknown
    ['cpu_cores', { min: 4 }, { cpu: { model: null, cores: null, threads: null } }, 'error'],
    ['cpu_cores', { min: 0 }, {}, 'error'], // invalid parameters
    ['memory', { minBytes: 16 * GiB }, {}, 'pass'],
    ['memory', { minBytes: 32 * GiB }, {}, 'pass'], // 31.3 GiB reported on a 32 GiB machine
    ['memory', { minBytes: 64 * GiB }, {}, 'fail'],
    ['memory', { minBytes: 8 * GiB }, { memory: { totalBytes: null, availableBytes: null } }, 'error'],
  ] as const)('%s %j on %j → %s', (kind, params, facts, status) => {
    expect(evaluateOne(kind, params, facts).status).toBe(status);
  });

  it('says when memory passes only within the firmware tolerance', () => {
    const result = evaluateOne('memory', { minBytes: 32 * GiB });
    expect(result).toMatchObject({
      status: 'pass',
      expected: 'at least 32 GiB memory',
      actual: '31.3 GiB total',
      message: expect.stringContaining('5%'),
    });
  });
});

describe('disk_free', () => {
  it('picks the longest mount point holding the path', () => {
    const mounts = makeFacts().mounts;
    expect(mountFor(mounts, '/var/lib/postgresql')?.mount).toBe('/var');
    expect(mountFor(mounts, '/variable')?.mount).toBe('/');
    expect(mountFor(mounts, '/boot')?.mount).toBe('/');
    expect(mountFor(mounts, '/boot/efi')?.mount).toBe('/boot/efi');
  });

  it.each([
    [{ mount: '/var', minFreeBytes: 100 * GiB }, 'pass'],
    [{ mount: '/var/lib/pos', minFreeBytes: 100 * GiB, maxUsePercent: 80 }, 'pass'],
    [{ mount: '/var', minFreeBytes: 200 * GiB }, 'fail'],
    [{ mount: '/var', maxUsePercent: 65 }, 'fail'],
    [{ mount: '/opt', minFreeBytes: 50 * GiB }, 'fail'], // on /, which has 40 GiB
    [{ mount: 'var', minFreeBytes: 1 }, 'error'], // not an absolute path
  ] as const)('%j → %s', (params, status) => {
    expect(evaluateOne('disk_free', params).status).toBe(status);
  });

  it('names the mount used as evidence', () => {
    expect(evaluateOne('disk_free', { mount: '/opt', minFreeBytes: 50 * GiB })).toMatchObject({
      expected: 'at least 50 GiB free on /opt',
      actual: '40 GiB free of 100 GiB, 60.0% used on / (holding /opt)',
      message: 'only 40 GiB free on /',
    });
  });

  it('is an error when no mounts could be read, with the reason', () => {
    const result = evaluateOne(
      'disk_free',
      { mount: '/', minFreeBytes: 1 },
      { mounts: [], unreadable: [{ fact: 'mounts', reason: 'df timed out', needsPrivilege: false }] },
    );
    expect(result).toMatchObject({ status: 'error', message: 'Could not read the mounted file systems: df timed out' });
  });
});

describe('clock_skew', () => {
  it.each([
    [{ maxSeconds: 2 }, { offsetSeconds: 0.8 }, 'pass'],
    [{ maxSeconds: 2 }, { offsetSeconds: -1.99 }, 'pass'],
    [{ maxSeconds: 2 }, { offsetSeconds: -5.2 }, 'fail'],
    [{ maxSeconds: 2 }, { offsetSeconds: null }, 'error'],
  ] as const)('%j with %j → %s', (params, clock, status) => {
    const facts = makeFacts();
    expect(evaluateOne('clock_skew', params, { clock: { ...facts.clock, ...clock } }).status).toBe(status);
  });

  it('says which way the clock is off', () => {
    const facts = makeFacts();
    expect(evaluateOne('clock_skew', { maxSeconds: 2 }, { clock: { ...facts.clock, offsetSeconds: -5.2 } }).actual).toBe(
      '5.2 s behind, synchronized',
    );
  });
});

describe('hardware_serial', () => {
  const hardware = makeFacts().hardware;

  it.each([
    ['SRV-0001-AB', 'srv-0001-ab', 'pass'],
    ['SRV 0001 AB ', 'SRV-0001-AB', 'fail'],
    [' SRV-0001-AB\n', 'srv - 0001 - ab', 'pass'],
    ['SRV-0001-AB', ' srv-0001-ab ', 'pass'],
    ['ABC 123', 'abc123', 'pass'], // spaces inside are ignored as well
    ['SRV-0001-AB', 'SRV-0002-AB', 'fail'],
  ] as const)('fact %j vs expected %j → %s', (serial, expectedSerial, status) => {
    expect(evaluateOne('hardware_serial', {}, { hardware: { ...hardware, serial } }, expectedSerial).status).toBe(status);
  });

  it('is skipped without a linked inventory item', () => {
    expect(evaluateOne('hardware_serial', {}, {}, null)).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('No inventory item'),
    });
  });

  it('is an error saying it needs privilege when the serial was unreadable for that reason', () => {
    const result = evaluateOne(
      'hardware_serial',
      {},
      {
        hardware: { ...hardware, serial: null },
        unreadable: [
          { fact: 'hardware.serial', reason: 'permission denied reading /sys/class/dmi/id/product_serial', needsPrivilege: true },
        ],
      },
      'SRV-0001-AB',
    );
    expect(result).toMatchObject({ status: 'error', actual: 'unreadable', message: expect.stringContaining('needs privilege') });
  });

  it('does not repeat the hint when the reason already names root', () => {
    const result = evaluateOne(
      'hardware_serial',
      {},
      {
        hardware: { ...hardware, serial: null },
        unreadable: [
          { fact: 'hardware.serial', reason: 'Reading /sys/class/dmi/id/product_serial needs root (use sudo)', needsPrivilege: true },
        ],
      },
      'SRV-0001-AB',
    );
    expect(result.message).toBe(
      'Could not read the hardware serial: Reading /sys/class/dmi/id/product_serial needs root (use sudo) (needs privilege)',
    );
  });

  it('points out a firmware placeholder', () => {
    const result = evaluateOne('hardware_serial', {}, { hardware: { ...hardware, serial: 'To Be Filled By O.E.M.' } }, 'SRV-0001-AB');
    expect(result).toMatchObject({ status: 'fail', message: expect.stringContaining('placeholder') });
  });
});
