import { describeMatcher, matchValue } from '../goss/matchers';
import { attributeValue } from './goss-attribute-values';
import { describePatterns, matchPatterns } from './patterns';
import { excerpt, verdict, type EvaluatorInput, type Verdict } from './verdict';

/** Attributes Goss reads as a stream of lines: a plain list holds patterns (`foo`, `!foo`, `/re/`). */
const READER_ATTRIBUTES = new Set(['contents', 'stdout', 'stderr', 'body', 'headers']);

const show = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(excerpt(value, 120)) : excerpt(JSON.stringify(value), 160);

export interface MatcherOutcome {
  expected: string[];
  actual: string[];
  problems: string[];
  errors: string[];
}

/** Judges a requirement's Goss attribute matchers (see goss-attributes.ts) against the facts. */
export function judgeMatchers(kind: string, params: Record<string, unknown>, input: EvaluatorInput): MatcherOutcome {
  const out: MatcherOutcome = { expected: [], actual: [], problems: [], errors: [] };
  const matchers = params.matchers;
  if (typeof matchers !== 'object' || matchers === null) return out;
  for (const [attr, expected] of Object.entries(matchers as Record<string, unknown>)) {
    out.expected.push(`${attr} ${describeMatcher(expected)}`);
    const got = attributeValue(kind, attr, params, input.facts, input.requirementId);
    if ('unavailable' in got) {
      out.errors.push(`${attr}: ${got.unavailable}`);
      continue;
    }
    out.actual.push(`${attr} ${show(got.value)}`);
    if (READER_ATTRIBUTES.has(attr) && Array.isArray(expected) && expected.every((e) => typeof e === 'string' || typeof e === 'number')) {
      const outcome = matchPatterns(String(got.value ?? ''), expected.map(String));
      if (outcome.invalid.length) out.errors.push(`${attr}: invalid pattern ${describePatterns(outcome.invalid)}`);
      else if (outcome.failed.length) out.problems.push(`${attr} does not match ${describePatterns(outcome.failed)}`);
      continue;
    }
    // A plain string is the whole output (Goss reads it to a string), without its last newline.
    const value = READER_ATTRIBUTES.has(attr) && typeof expected === 'string' ? String(got.value ?? '').replace(/\n$/, '') : got.value;
    const r = matchValue(value, expected);
    if (!r.ok) out.errors.push(`${attr}: ${r.reason}`);
    else if (!r.pass) out.problems.push(`${attr} is ${show(got.value)}, expected ${describeMatcher(expected)}`);
  }
  return out;
}

/**
 * Adds the matchers' outcome to the kind's own verdict: a failing matcher fails the requirement,
 * one that cannot be judged makes it an error (with the reason), unless the verdict already failed.
 */
export function withMatchers(base: Verdict, kind: string, params: Record<string, unknown>, input: EvaluatorInput): Verdict {
  if (typeof params.matchers !== 'object' || params.matchers === null || base.status === 'skipped') return base;
  // Nothing to compare on a resource that must be absent, or that is missing.
  if (params.exists === false || params.installed === false) return base;
  const m = judgeMatchers(kind, params, input);
  const expected = [base.expected, ...m.expected].join('; ');
  const actual = [base.actual, ...m.actual].filter(Boolean).join('; ');
  if (base.status === 'error') return { ...base, expected, actual };
  const problems = [...(base.status === 'fail' ? [base.message] : []), ...m.problems];
  if (problems.length > 0) return verdict('fail', expected, actual, problems.join('; '));
  if (m.errors.length > 0) return verdict('error', expected, actual, `Could not judge ${m.errors.join('; ')}`);
  return verdict('pass', expected, actual, base.message);
}
