/**
 * Goss's Gomega matchers (docs/gossfile.md "Advanced Matchers"), evaluated against a collected value.
 * A plain (non-matcher) expected value means `equal`, and a plain list means `consist-of`
 * for list actuals, as Goss does. Unknown matchers are refused by name, never ignored.
 */
export type MatchOutcome = { ok: true; pass: boolean } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN = new Set([
  'and', 'or', 'not', 'lt', 'le', 'gt', 'ge', 'equal', 'have-prefix', 'have-suffix', 'contain-element',
  'contain-substring', 'match-regexp', 'consist-of', 'have-len', 'have-key-with-value',
]);

const toNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** Goss compares loosely across YAML scalars: `22` equals "22". */
function equalValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((a, i) => equalValue(a, expected[i]));
  }
  if (typeof actual === 'object' || typeof expected === 'object') return JSON.stringify(actual) === JSON.stringify(expected);
  return String(actual) === String(expected);
}

const pass = (p: boolean): MatchOutcome => ({ ok: true, pass: p });

/** Each element of `actual` matched one-to-one by an element (plain value or matcher) of `expected`. */
function consistOf(actual: unknown[], expected: unknown[]): MatchOutcome {
  if (actual.length !== expected.length) return pass(false);
  const used = new Set<number>();
  for (const e of expected) {
    let found = -1;
    for (let i = 0; i < actual.length && found < 0; i++) {
      if (used.has(i)) continue;
      const r = matchValue(actual[i], e);
      if (!r.ok) return r;
      if (r.pass) found = i;
    }
    if (found < 0) return pass(false);
    used.add(found);
  }
  return pass(true);
}

export function matchValue(actual: unknown, expected: unknown): MatchOutcome {
  if (!isRecord(expected)) {
    if (Array.isArray(expected) && Array.isArray(actual)) return consistOf(actual, expected);
    return pass(equalValue(actual, expected));
  }
  const keys = Object.keys(expected);
  const name = keys[0];
  if (keys.length !== 1 || name === undefined) {
    return { ok: false, reason: `a matcher has exactly one key, got ${keys.join(', ') || 'none'}` };
  }
  const arg = expected[name];
  if (name === 'semver-constraint') return { ok: false, reason: 'semver-constraint is not evaluated by Outpost yet' };
  if (!KNOWN.has(name)) return { ok: false, reason: `unknown matcher "${name}"` };
  switch (name) {
    case 'and':
    case 'or': {
      if (!Array.isArray(arg)) return { ok: false, reason: `${name} takes a list` };
      const results = arg.map((a) => matchValue(actual, a));
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
      const b = toNumber(arg);
      if (b === undefined) return { ok: false, reason: `${name} takes a number` };
      if (a === undefined) return pass(false);
      return pass(name === 'lt' ? a < b : name === 'le' ? a <= b : name === 'gt' ? a > b : a >= b);
    }
    case 'equal':
      return pass(equalValue(actual, arg));
    case 'have-prefix':
      return pass(typeof actual === 'string' && actual.startsWith(String(arg)));
    case 'have-suffix':
      return pass(typeof actual === 'string' && actual.endsWith(String(arg)));
    case 'contain-substring':
      return pass(typeof actual === 'string' && actual.includes(String(arg)));
    case 'match-regexp': {
      let re: RegExp;
      try {
        re = new RegExp(String(arg));
      } catch {
        return { ok: false, reason: `match-regexp: invalid pattern ${String(arg)}` };
      }
      return pass(typeof actual === 'string' && re.test(actual));
    }
    case 'contain-element': {
      if (!Array.isArray(actual)) return pass(false);
      for (const a of actual) {
        const r = matchValue(a, arg);
        if (!r.ok) return r;
        if (r.pass) return pass(true);
      }
      return pass(false);
    }
    case 'consist-of':
      if (!Array.isArray(arg)) return { ok: false, reason: 'consist-of takes a list' };
      return Array.isArray(actual) ? consistOf(actual, arg) : pass(false);
    case 'have-len': {
      const n = toNumber(arg);
      if (n === undefined) return { ok: false, reason: 'have-len takes a number' };
      const len = typeof actual === 'string' || Array.isArray(actual) ? actual.length : isRecord(actual) ? Object.keys(actual).length : -1;
      return pass(len === n);
    }
    case 'have-key-with-value': {
      if (!isRecord(arg)) return { ok: false, reason: 'have-key-with-value takes a map' };
      if (!isRecord(actual)) return pass(false);
      for (const [k, v] of Object.entries(arg)) {
        if (!(k in actual)) return pass(false);
        const r = matchValue(actual[k], v);
        if (!r.ok || !r.pass) return r;
      }
      return pass(true);
    }
  }
  return { ok: false, reason: `unknown matcher "${name}"` };
}
