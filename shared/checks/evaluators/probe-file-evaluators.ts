import type { RequirementParams } from '../requirement-kinds';
import { describePatterns, matchPatterns } from './patterns';
import { probeAnswer } from './probe-answer';
import { excerpt, judge, quote, verdict, type EvaluatorInput, type Verdict } from './verdict';

/** File modes compared as numbers: "0644", "644" and "00644" are the same. */
const modeKey = (mode: string): number => parseInt(mode, 8);
const formatMode = (mode: string): string => modeKey(mode).toString(8).padStart(4, '0');

export function evaluateFile(p: RequirementParams<'file'>, input: EvaluatorInput): Verdict {
  const details = [
    p.mode && `mode ${formatMode(p.mode)}`,
    p.owner && `owner ${p.owner}`,
    p.group && `group ${p.group}`,
    p.sha256 && `SHA-256 ${p.sha256.toLowerCase().slice(0, 12)}…`,
    p.contains && `containing ${describePatterns(p.contains)}`,
  ].filter(Boolean);
  const expected = p.exists ? `${p.path} exists${details.length ? ` with ${details.join(', ')}` : ''}` : `${p.path} does not exist`;
  const got = probeAnswer(input, 'file', expected);
  if ('verdict' in got) return got.verdict;
  const f = got.answer;
  if (!f.exists) return judge(expected, 'does not exist', p.exists ? [`${p.path} does not exist`] : []);
  const actualParts = [
    f.mode && `mode ${formatMode(f.mode)}`,
    f.owner && `owner ${f.owner}`,
    f.group && `group ${f.group}`,
    f.sha256 && `SHA-256 ${f.sha256.toLowerCase().slice(0, 12)}…`,
  ].filter(Boolean);
  const actual = `exists${actualParts.length ? ` with ${actualParts.join(', ')}` : ''}`;
  if (!p.exists) return judge(expected, actual, [`${p.path} exists`]);
  const problems: string[] = [];
  const unread: string[] = [];
  if (p.mode) {
    if (f.mode === null) unread.push('mode');
    else if (modeKey(f.mode) !== modeKey(p.mode)) problems.push(`mode is ${formatMode(f.mode)}, not ${formatMode(p.mode)}`);
  }
  if (p.owner) {
    if (f.owner === null) unread.push('owner');
    else if (f.owner !== p.owner) problems.push(`owner is ${f.owner}`);
  }
  if (p.group) {
    if (f.group === null) unread.push('group');
    else if (f.group !== p.group) problems.push(`group is ${f.group}`);
  }
  if (p.sha256) {
    if (f.sha256 === null) unread.push('SHA-256 (not readable)');
    else if (f.sha256.toLowerCase() !== p.sha256.toLowerCase()) problems.push(`SHA-256 is ${f.sha256.toLowerCase()}`);
  }
  if (p.contains) {
    if (f.contents === null) unread.push('contents (not readable)');
    else {
      const outcome = matchPatterns(f.contents, p.contains);
      if (outcome.invalid.length) return verdict('error', expected, actual, `Invalid pattern: ${describePatterns(outcome.invalid)}`);
      if (outcome.failed.length) problems.push(`contents do not match ${describePatterns(outcome.failed)}`);
    }
  }
  if (problems.length === 0 && unread.length > 0)
    return verdict('error', expected, actual, `Could not read the file's ${unread.join(', ')}`);
  return judge(expected, actual, problems);
}

export function evaluateCommand(p: RequirementParams<'command'>, input: EvaluatorInput): Verdict {
  const expected = `${quote(p.command)} exits ${p.exitStatus}${p.stdout ? ` with output matching ${describePatterns(p.stdout)}` : ''} within ${p.timeoutSeconds} s`;
  const got = probeAnswer(input, 'command', expected);
  if ('verdict' in got) return got.verdict;
  const c = got.answer;
  const output = c.stdout.trim() ? `, output: ${quote(excerpt(c.stdout, 200))}` : '';
  const errors = c.stderr.trim() ? `, errors: ${quote(excerpt(c.stderr, 200))}` : '';
  if (c.timedOut)
    return verdict(
      'fail',
      expected,
      `still running after ${(c.durationMs / 1000).toFixed(1)} s${output}`,
      `Timed out after ${p.timeoutSeconds} s`,
    );
  const actual = `exit ${c.exitStatus ?? 'unknown'} in ${(c.durationMs / 1000).toFixed(1)} s${output}${errors}`;
  const problems: string[] = [];
  if (c.exitStatus !== p.exitStatus) problems.push(`exit status ${c.exitStatus ?? 'unknown'}, not ${p.exitStatus}`);
  if (p.stdout) {
    const outcome = matchPatterns(c.stdout, p.stdout);
    if (outcome.invalid.length) return verdict('error', expected, actual, `Invalid pattern: ${describePatterns(outcome.invalid)}`);
    if (outcome.failed.length) problems.push(`output does not match ${describePatterns(outcome.failed)}`);
  }
  return judge(expected, actual, problems);
}

/** sysctl values compared with runs of white space collapsed ("4096\t87380" = "4096 87380"). */
const sysctlKey = (value: string): string => value.trim().replace(/\s+/g, ' ');

export function evaluateKernelParam(p: RequirementParams<'kernel_param'>, input: EvaluatorInput): Verdict {
  // Without a value the parameter is compared by its Goss matcher only (see goss-matchers.ts).
  const expected = p.value === undefined ? `${p.key} exists` : `${p.key} = ${p.value}`;
  const got = probeAnswer(input, 'kernel_param', expected);
  if ('verdict' in got) return got.verdict;
  const value = got.answer.value;
  if (value === null) return verdict('fail', expected, 'no such parameter', `The kernel has no parameter ${p.key}`);
  const wanted = p.value;
  return judge(
    expected,
    `${p.key} = ${sysctlKey(value)}`,
    wanted === undefined || sysctlKey(value) === sysctlKey(wanted) ? [] : [`${p.key} is ${sysctlKey(value)}`],
  );
}
