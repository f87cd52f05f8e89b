import { compareDebianVersions } from './debian-version';
import { compareRpmVersions } from './rpm-version';

/** Which ordering a version follows: the package manager that reported it. */
export type VersionOrdering = 'dpkg' | 'rpm' | 'other';

export type ConstraintOperator = '>=' | '<=' | '>' | '<' | '=' | '!=';

export interface VersionClause {
  operator: ConstraintOperator;
  version: string;
}

const CLAUSE = /^(>=|<=|!=|>|<|=)?\s*([A-Za-z0-9.+~:_^-]+)$/;

/**
 * Parses `>=1.2 <2`, `= 1:2.4-1`, `!=1.3`: clauses separated by spaces (or commas), all of
 * which must hold. A bare version means `=`. Returns the reason when the text is not a constraint.
 */
export function parseVersionConstraint(text: string): { ok: true; clauses: VersionClause[] } | { ok: false; reason: string } {
  // Glue an operator to the version that follows it ("> = 1.2" is not allowed, ">= 1.2" is).
  const tokens = text
    .trim()
    .replace(/(>=|<=|!=|>|<|=)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length === 0) return { ok: false, reason: 'The version constraint is empty' };
  const clauses: VersionClause[] = [];
  for (const token of tokens) {
    const match = CLAUSE.exec(token);
    if (!match) return { ok: false, reason: `"${token}" is not a version clause (write e.g. ">=1.2 <2")` };
    clauses.push({ operator: (match[1] as ConstraintOperator | undefined) ?? '=', version: match[2]! });
  }
  return { ok: true, clauses };
}

export function compareVersions(a: string, b: string, ordering: VersionOrdering): -1 | 0 | 1 {
  return ordering === 'rpm' ? compareRpmVersions(a, b) : compareDebianVersions(a, b);
}

function holds(order: -1 | 0 | 1, operator: ConstraintOperator): boolean {
  switch (operator) {
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}

/** True when `version` meets every clause, compared with the ordering of its package manager. */
export function satisfiesConstraint(version: string, clauses: readonly VersionClause[], ordering: VersionOrdering): boolean {
  return clauses.every((c) => holds(compareVersions(version, c.version, ordering), c.operator));
}

export function formatConstraint(clauses: readonly VersionClause[]): string {
  return clauses.map((c) => `${c.operator} ${c.version}`).join(', ');
}
