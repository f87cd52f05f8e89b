import type { RequirementParams } from '../requirement-kinds';
import { formatConstraint, parseVersionConstraint, satisfiesConstraint } from '../versions/version-constraint';
import { formatBytes, judge, missingFact, verdict, type EvaluatorInput, type Verdict } from './verdict';

/**
 * Installed memory as the OS reports it (MemTotal) is a few per cent below the installed size:
 * firmware and the kernel keep some. A 32 GiB machine must pass "at least 32 GiB".
 */
export const MEMORY_TOLERANCE = 0.05;

export function evaluateOs(p: RequirementParams<'os'>, { facts }: EvaluatorInput): Verdict {
  const os = facts.os;
  const wantedDistributions = p.distribution === undefined ? [] : Array.isArray(p.distribution) ? p.distribution : [p.distribution];
  const expected = [p.family, wantedDistributions.join(' or '), p.version].filter(Boolean).join(' ') || 'any OS';
  const actual =
    [os.family, os.distribution ?? '?', os.distributionVersion ?? os.version ?? '?'].join(' ') +
    (os.distributionName ? ` (${os.distributionName})` : '');
  const problems: string[] = [];
  if (p.family && os.family !== p.family) problems.push(`OS family is ${os.family}, not ${p.family}`);
  if (wantedDistributions.length > 0) {
    if (os.distribution === null && (os.family === 'linux' || os.family === 'unknown'))
      return missingFact(facts, ['os.distribution', 'os'], expected, 'the distribution');
    if (os.distribution === null) problems.push(`a ${os.family} target has no Linux distribution`);
    else if (!wantedDistributions.some((d) => d.toLowerCase() === os.distribution!.toLowerCase()))
      problems.push(`distribution is ${os.distribution}`);
  }
  if (p.version) {
    const constraint = parseVersionConstraint(p.version);
    if (!constraint.ok) return verdict('error', expected, actual, `Invalid version constraint: ${constraint.reason}`);
    if (os.version === null) return missingFact(facts, ['os.version', 'os'], expected, 'the OS version');
    if (!satisfiesConstraint(os.version, constraint.clauses, 'other'))
      problems.push(`version ${os.version} is not ${formatConstraint(constraint.clauses)}`);
  }
  return judge(expected, actual, problems);
}

export function evaluateCpuCores(p: RequirementParams<'cpu_cores'>, { facts }: EvaluatorInput): Verdict {
  const expected = `at least ${p.min} CPU cores`;
  const cores = facts.cpu.cores ?? facts.cpu.threads;
  if (cores === null) return missingFact(facts, ['cpu.cores', 'cpu'], expected, 'the CPU core count');
  const actual = `${cores} cores` + (facts.cpu.threads !== null && facts.cpu.threads !== cores ? ` (${facts.cpu.threads} threads)` : '');
  return judge(expected, actual, cores >= p.min ? [] : [`${cores} cores, ${p.min - cores} too few`]);
}

export function evaluateMemory(p: RequirementParams<'memory'>, { facts }: EvaluatorInput): Verdict {
  const expected = `at least ${formatBytes(p.minBytes)} memory`;
  const total = facts.memory.totalBytes;
  if (total === null) return missingFact(facts, ['memory.totalBytes', 'memory'], expected, 'the memory size');
  const actual = `${formatBytes(total)} total`;
  if (total >= p.minBytes) return judge(expected, actual, []);
  if (total >= p.minBytes * (1 - MEMORY_TOLERANCE)) {
    return verdict(
      'pass',
      expected,
      actual,
      `Meets the requirement: within the ${MEMORY_TOLERANCE * 100}% that firmware and kernel keep from the installed memory`,
    );
  }
  return judge(expected, actual, [`only ${formatBytes(total)} memory`]);
}

/** The mount holding `path`: the longest mount point that is `path` or one of its parents. */
export function mountFor<M extends { mount: string }>(mounts: readonly M[], path: string): M | undefined {
  const covers = (mount: string) => mount === '/' || path === mount || path.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
  return mounts.filter((m) => covers(m.mount)).sort((a, b) => b.mount.length - a.mount.length)[0];
}

export function evaluateDiskFree(p: RequirementParams<'disk_free'>, { facts }: EvaluatorInput): Verdict {
  const parts = [
    p.minFreeBytes !== undefined ? `at least ${formatBytes(p.minFreeBytes)} free` : null,
    p.maxUsePercent !== undefined ? `at most ${p.maxUsePercent}% used` : null,
  ];
  const expected = `${parts.filter(Boolean).join(' and ') || 'a mounted file system'} on ${p.mount}`;
  if (facts.mounts.length === 0) return missingFact(facts, ['mounts'], expected, 'the mounted file systems');
  const mount = mountFor(facts.mounts, p.mount);
  if (!mount) return verdict('fail', expected, 'no file system', `No mounted file system holds ${p.mount}`);
  const where = mount.mount === p.mount ? mount.mount : `${mount.mount} (holding ${p.mount})`;
  const actual = `${formatBytes(mount.freeBytes)} free of ${formatBytes(mount.sizeBytes)}, ${mount.usePercent.toFixed(1)}% used on ${where}`;
  const problems: string[] = [];
  if (p.minFreeBytes !== undefined && mount.freeBytes < p.minFreeBytes)
    problems.push(`only ${formatBytes(mount.freeBytes)} free on ${mount.mount}`);
  if (p.maxUsePercent !== undefined && mount.usePercent > p.maxUsePercent)
    problems.push(`${mount.usePercent.toFixed(1)}% used on ${mount.mount}`);
  return judge(expected, actual, problems);
}

export function evaluateClockSkew(p: RequirementParams<'clock_skew'>, { facts }: EvaluatorInput): Verdict {
  const expected = `clock within ${p.maxSeconds} s of this device`;
  const offset = facts.clock.offsetSeconds;
  if (offset === null) return missingFact(facts, ['clock.offsetSeconds', 'clock'], expected, 'the clock');
  const direction = offset >= 0 ? 'ahead' : 'behind';
  const sync = facts.clock.synchronized === null ? '' : facts.clock.synchronized ? ', synchronized' : ', not synchronized';
  const actual = `${Math.abs(offset).toFixed(1)} s ${direction}${sync}`;
  return judge(expected, actual, Math.abs(offset) <= p.maxSeconds ? [] : [`clock is ${Math.abs(offset).toFixed(1)} s ${direction}`]);
}

/** Serials compared without case and without any white space. */
export const serialKey = (serial: string): string => serial.replace(/\s+/g, '').toUpperCase();

/** What firmware reports when nobody set a serial. */
const PLACEHOLDER_SERIALS = new Set([
  'TOBEFILLEDBYO.E.M.',
  'DEFAULTSTRING',
  'SYSTEMSERIALNUMBER',
  'NOTSPECIFIED',
  'NOTAPPLICABLE',
  'NONE',
  '0',
  '0123456789',
  'CHASSISSERIALNUMBER',
]);

export function evaluateHardwareSerial(_p: RequirementParams<'hardware_serial'>, { facts, context }: EvaluatorInput): Verdict {
  if (context.expectedSerial === null || context.expectedSerial.trim() === '') {
    return verdict(
      'skipped',
      'the serial of the linked inventory item',
      'not compared',
      'No inventory item with an expected serial is linked to this machine',
    );
  }
  const expected = `serial ${context.expectedSerial}`;
  const serial = facts.hardware.serial;
  if (serial === null) return missingFact(facts, ['hardware.serial', 'serial'], expected, 'the hardware serial');
  if (serialKey(serial) === serialKey(context.expectedSerial)) return judge(expected, `serial ${serial}`, []);
  const placeholder = PLACEHOLDER_SERIALS.has(serialKey(serial)) ? ' (a firmware placeholder: the serial was never set)' : '';
  return verdict(
    'fail',
    expected,
    `serial ${serial}`,
    `This machine's serial is ${serial}${placeholder}, not the linked item's ${context.expectedSerial}`,
  );
}
