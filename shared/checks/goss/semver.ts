/**
 * Goss's `semver-constraint` (blang/semver ranges): clauses like `>1.0.0 <2.0.0 !=1.5.0` that must
 * all hold, alternatives joined by `||`. Versions are read tolerantly as Goss does (`v1.2` = 1.2.0,
 * missing parts are 0); a pre-release sorts before its release.
 */
interface Semver {
  parts: [number, number, number];
  pre: string[];
}

export function parseSemver(text: string): Semver | null {
  const match = /^\s*[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?\s*$/.exec(text);
  if (!match) return null;
  return { parts: [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)], pre: match[4] ? match[4].split('.') : [] };
}

export function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i]! < b.parts[i]! ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) < Number(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

type Clause = { op: string; version: Semver };

/** The constraint as alternatives of clauses, or the reason it is not one. */
export function parseSemverConstraint(text: string): { ok: true; alternatives: Clause[][] } | { ok: false; reason: string } {
  const alternatives: Clause[][] = [];
  for (const part of text.split('||')) {
    const tokens = part
      .trim()
      .replace(/(>=|<=|!=|==|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (tokens.length === 0) return { ok: false, reason: `semver-constraint: empty range in "${text}"` };
    const clauses: Clause[] = [];
    for (const token of tokens) {
      const match = /^(>=|<=|!=|==|>|<|=)?(.+)$/.exec(token);
      const version = match ? parseSemver(match[2]!) : null;
      if (!match || !version) return { ok: false, reason: `semver-constraint: "${token}" is not a version range clause` };
      clauses.push({ op: match[1] ?? '=', version });
    }
    alternatives.push(clauses);
  }
  return { ok: true, alternatives };
}

function holds(version: Semver, { op, version: bound }: Clause): boolean {
  const c = compareSemver(version, bound);
  switch (op) {
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '!=':
      return c !== 0;
    default:
      return c === 0;
  }
}

/** Whether `version` is in the range; a value that is not a version never is. */
export function satisfiesSemver(version: string, alternatives: Clause[][]): boolean {
  const v = parseSemver(version);
  return v !== null && alternatives.some((clauses) => clauses.every((clause) => holds(v, clause)));
}
