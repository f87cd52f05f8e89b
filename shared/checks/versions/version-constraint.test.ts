import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersionConstraint, satisfiesConstraint, type VersionOrdering } from './version-constraint';

function satisfies(version: string, constraint: string, ordering: VersionOrdering): boolean {
  const parsed = parseVersionConstraint(constraint);
  if (!parsed.ok) throw new Error(parsed.reason);
  return satisfiesConstraint(version, parsed.clauses, ordering);
}

describe('parseVersionConstraint', () => {
  it('reads clauses, a bare version as "=", and an operator separated by a space', () => {
    expect(parseVersionConstraint('>=1.2 <2')).toEqual({
      ok: true,
      clauses: [
        { operator: '>=', version: '1.2' },
        { operator: '<', version: '2' },
      ],
    });
    expect(parseVersionConstraint('1:2.4-1')).toEqual({ ok: true, clauses: [{ operator: '=', version: '1:2.4-1' }] });
    expect(parseVersionConstraint('>= 1.2, != 1.3')).toEqual({
      ok: true,
      clauses: [
        { operator: '>=', version: '1.2' },
        { operator: '!=', version: '1.3' },
      ],
    });
  });

  it('refuses an empty text and stray operators', () => {
    expect(parseVersionConstraint('  ')).toMatchObject({ ok: false });
    expect(parseVersionConstraint('>=')).toMatchObject({ ok: false, reason: expect.stringContaining('">="') });
    expect(parseVersionConstraint('~>1.2')).toMatchObject({ ok: false });
  });
});

describe('satisfiesConstraint', () => {
  it.each([
    ['1.24.0-2ubuntu7', '>=1.24 <2', 'dpkg', true],
    ['1.24.0~rc1-1', '>=1.24.0', 'dpkg', false], // a pre-release is older than the release
    ['1:0.9-1', '>=2.0', 'dpkg', true], // the epoch wins
    ['1.0-1ubuntu1', '>1.0-1', 'dpkg', true],
    ['1.0-1', '=1.0', 'dpkg', false], // dpkg "=" is exact: 1.0 has an empty revision
    ['1.0-1', '!=1.0-2', 'dpkg', true],
    ['2.4.57-5.el9', '>=2.4.57', 'rpm', true],
    ['2.4.57-5.el9', '=2.4.57', 'rpm', true], // rpm: a constraint without a release ignores it
    ['2.4.57-5.el9', '<2.4.57-6.el9', 'rpm', true],
    ['1.0^git1', '>1.0 <1.0.1', 'rpm', true],
    ['5.5p1', '<5.5p10', 'rpm', true],
    ['2026.4.1', '>=2026.4.0', 'other', true],
  ] as const)('%s meets "%s" (%s): %s', (version, constraint, ordering, expected) => {
    expect(satisfies(version, constraint, ordering)).toBe(expected);
  });

  it('uses the ordering of the manager: 1.0-1 vs 1.0 differs between dpkg and rpm', () => {
    expect(compareVersions('1.0-1', '1.0', 'dpkg')).toBe(1);
    expect(compareVersions('1.0-1', '1.0', 'rpm')).toBe(0);
  });
});
