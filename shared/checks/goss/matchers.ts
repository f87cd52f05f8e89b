import { parseSemverConstraint, satisfiesSemver } from './semver';

/**
 * Goss's Gomega matchers (docs/gossfile.md "Matchers"), evaluated against a collected value.
 * Default matchers as Goss applies them: a plain scalar means `equal` (compared as strings, so
 * `22` equals "22"), a plain list means `contain-elements` (the expected values are a subset of
 * the system's). Goss transforms the system value to the matcher's type: numbers for `lt`…`ge`,
 * strings for the string matchers, and a string is split into lines for the array matchers.
 * Unknown matchers and wrong arguments are refused by name, never ignored.
 */
export type MatchOutcome = { ok: true; pass: boolean } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const GOSS_MATCHERS = [
  'and',
  'or',
  'not',
  'lt',
  'le',
  'gt',
  'ge',
  'equal',
  'have-prefix',
  'have-suffix',
  'contain-element',
  'contain-elements',
  'contain-substring',
  'match-regexp',
  'consist-of',
  'have-len',
  'have-key',
  'have-key-with-value',
  'semver-constraint',
] as const;
const KNOWN: ReadonlySet<string> = new Set(GOSS_MATCHERS);

const toNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** Goss's to-string transform: numbers and booleans as written; lists and maps are not strings. */
const toText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** Goss's to-array transform: a string is split into lines (a trailing newline ends the last). */
function toList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return v === '' ? [] : v.replace(/\n$/, '').split('\n');
  if (typeof v === 'number' || typeof v === 'boolean') return [v];
  return undefined;
}

/** Goss compares loosely across YAML scalars: `22` equals "22". */
function equalValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((a, i) => equalValue(a, expected[i]));
  }
  if (isRecord(actual) && isRecord(expected)) {
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((k) => k in actual && equalValue(actual[k], expected[k]));
  }
  if (typeof actual === 'object' || typeof expected === 'object') return actual === expected;
  // A numeric expected value (typed YAML/JSON) compares numerically, as Goss's to-numeric transform does.
  if (typeof expected === 'number') return toNumber(actual) === expected;
  return String(actual) === String(expected);
}

const pass = (p: boolean): MatchOutcome => ({ ok: true, pass: p });
const refuse = (reason: string): MatchOutcome => ({ ok: false, reason });

/**
 * Each expected element (plain value or matcher) matched by a different actual element; with
 * `exact` every actual element is used as well (consist-of). Small inputs: a simple augmenting
 * search finds the one-to-one matching.
 */
function matchElements(actual: unknown[], expected: unknown[], exact: boolean): MatchOutcome {
  if (exact ? actual.length !== expected.length : actual.length < expected.length) return pass(false);
  const fits: number[][] = [];
  for (const e of expected) {
    const row: number[] = [];
    for (let i = 0; i < actual.length; i++) {
      const r = matchValue(actual[i], e);
      if (!r.ok) return r;
      if (r.pass) row.push(i);
    }
    fits.push(row);
  }
  const owner = new Map<number, number>();
  const assign = (e: number, seen: Set<number>): boolean => {
    for (const i of fits[e]!) {
      if (seen.has(i)) continue;
      seen.add(i);
      const other = owner.get(i);
      if (other === undefined || assign(other, seen)) {
        owner.set(i, e);
        return true;
      }
    }
    return false;
  };
  return pass(expected.every((_, e) => assign(e, new Set())));
}

/** Why `expected` is not a valid Goss value or matcher, or null. Checked before anything runs. */
export function matcherProblem(expected: unknown, depth = 0): string | null {
  if (depth > 20) return 'matchers nest too deeply';
  if (Array.isArray(expected)) {
    for (const e of expected) {
      const p = matcherProblem(e, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (!isRecord(expected)) return null;
  const keys = Object.keys(expected);
  const name = keys[0];
  if (keys.length !== 1 || name === undefined) return `a matcher has exactly one key, got ${keys.join(', ') || 'none'}`;
  if (!KNOWN.has(name)) return `unknown matcher "${name}"`;
  const arg = expected[name];
  switch (name) {
    case 'and':
    case 'or':
    case 'consist-of':
    case 'contain-elements':
      return Array.isArray(arg) ? matcherProblem(arg, depth + 1) : `${name} takes a list`;
    case 'not':
    case 'contain-element':
    case 'equal':
      return matcherProblem(arg, depth + 1);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return toNumber(arg) === undefined ? `${name} takes a number` : null;
    case 'have-len':
      return toNumber(arg) === undefined ? 'have-len takes a number' : null;
    case 'match-regexp':
      try {
        new RegExp(String(arg));
        return null;
      } catch {
        return `match-regexp: invalid pattern ${String(arg)}`;
      }
    case 'semver-constraint': {
      const c = parseSemverConstraint(String(arg));
      return c.ok ? null : c.reason;
    }
    case 'have-key-with-value':
      if (!isRecord(arg)) return 'have-key-with-value takes a map';
      for (const v of Object.values(arg)) {
        const p = matcherProblem(v, depth + 1);
        if (p) return p;
      }
      return null;
    default:
      return toText(arg) === undefined ? `${name} takes a single value` : null;
  }
}

export function matchValue(actual: unknown, expected: unknown): MatchOutcome {
  if (Array.isArray(expected)) {
    const list = toList(actual);
    return list ? matchElements(list, expected, false) : pass(false);
  }
  if (!isRecord(expected)) {
    if (Array.isArray(actual)) return pass(false);
    return pass(equalValue(actual, expected));
  }
  const problem = matcherProblem(expected);
  if (problem) return refuse(problem);
  const name = Object.keys(expected)[0]!;
  const arg = expected[name];
  switch (name) {
    case 'and':
    case 'or': {
      const results = (arg as unknown[]).map((a) => matchValue(actual, a));
      const bad = results.find((r) => !r.ok);
      if (bad) return bad;
      const passes = results.map((r) => r.ok && r.pass);
      return pass(name === 'and' ? passes.every(Boolean) : passes.some(Boolean));
    }
    case 'not': {
      const r = matchValue(actual, arg);
      return r.ok ? pass(!r.pass) : r;
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const a = toNumber(actual);
      const b = toNumber(arg)!;
      if (a === undefined) return pass(false);
      return pass(name === 'lt' ? a < b : name === 'le' ? a <= b : name === 'gt' ? a > b : a >= b);
    }
    case 'equal':
      return pass(equalValue(actual, arg));
    case 'have-prefix':
    case 'have-suffix':
    case 'contain-substring': {
      const text = toText(actual);
      const want = String(arg);
      if (text === undefined) return pass(false);
      return pass(name === 'have-prefix' ? text.startsWith(want) : name === 'have-suffix' ? text.endsWith(want) : text.includes(want));
    }
    case 'match-regexp': {
      const text = toText(actual);
      return pass(text !== undefined && new RegExp(String(arg)).test(text));
    }
    case 'contain-element': {
      const list = toList(actual);
      return list ? matchElements(list, [arg], false) : pass(false);
    }
    case 'contain-elements':
    case 'consist-of': {
      const list = toList(actual);
      return list ? matchElements(list, arg as unknown[], name === 'consist-of') : pass(false);
    }
    case 'have-len': {
      const n = toNumber(arg)!;
      const len = typeof actual === 'string' || Array.isArray(actual) ? actual.length : isRecord(actual) ? Object.keys(actual).length : -1;
      return pass(len === n);
    }
    case 'have-key':
      return pass(isRecord(actual) && String(arg) in actual);
    case 'have-key-with-value': {
      if (!isRecord(actual)) return pass(false);
      for (const [k, v] of Object.entries(arg as Record<string, unknown>)) {
        if (!(k in actual)) return pass(false);
        const r = matchValue(actual[k], v);
        if (!r.ok || !r.pass) return r;
      }
      return pass(true);
    }
    case 'semver-constraint': {
      const c = parseSemverConstraint(String(arg));
      if (!c.ok) return refuse(c.reason);
      // Goss: every version must be in the range.
      const versions = Array.isArray(actual) ? actual : [actual];
      return pass(versions.every((v) => satisfiesSemver(String(v), c.alternatives)));
    }
  }
  return refuse(`unknown matcher "${name}"`);
}

/** A short human form of a value or matcher for evidence, e.g. `{"lt":90}`. */
export function describeMatcher(expected: unknown): string {
  const text = JSON.stringify(expected);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
