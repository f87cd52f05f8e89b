import { describe, expect, it } from 'vitest';
import { compareRpmVersions, parseRpmVersion, rpmvercmp } from './rpm-version';

// rpm's own test suite (tests/rpmvercmp.at): [a, b, rpmvercmp(a, b)].
const rpmvercmpCases: [string, string, -1 | 0 | 1][] = [
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0.1', '2.0.1', 0],
  ['2.0', '2.0.1', -1],
  ['2.0.1a', '2.0.1a', 0],
  ['2.0.1a', '2.0.1', 1],
  ['5.5p1', '5.5p1', 0],
  ['5.5p1', '5.5p2', -1],
  ['5.5p10', '5.5p10', 0],
  ['5.5p1', '5.5p10', -1],
  ['10xyz', '10.1xyz', -1],
  ['xyz10', 'xyz10', 0],
  ['xyz10', 'xyz10.1', -1],
  ['xyz.4', 'xyz.4', 0],
  ['xyz.4', '8', -1],
  ['xyz.4', '2', -1],
  ['5.5p2', '5.6p1', -1],
  ['5.6p1', '6.5p1', -1],
  ['6.0.rc1', '6.0', 1],
  ['10b2', '10a1', 1],
  ['10a2', '10b2', -1],
  ['1.0aa', '1.0aa', 0],
  ['1.0a', '1.0aa', -1],
  ['10.0001', '10.0001', 0],
  ['10.0001', '10.1', 0],
  ['10.0001', '10.0039', -1],
  ['4.999.9', '5.0', -1],
  ['20101121', '20101121', 0],
  ['20101121', '20101122', -1],
  ['2_0', '2_0', 0],
  ['2.0', '2_0', 0],
  ['a', 'a', 0],
  ['a+', 'a+', 0],
  ['a+', 'a_', 0],
  ['+a', '+a', 0],
  ['+a', '_a', 0],
  ['+_', '+_', 0],
  ['_+', '+_', 0],
  ['_+', '_', 0],
  ['+', '_', 0],
  ['1.0~rc1', '1.0~rc1', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc1~git123', '1.0~rc1~git123', 0],
  ['1.0~rc1~git123', '1.0~rc1', -1],
  ['1.0^', '1.0^', 0],
  ['1.0^', '1.0', 1],
  ['1.0^git1', '1.0^git1', 0],
  ['1.0^git1', '1.0', 1],
  ['1.0^git1', '1.0^git2', -1],
  ['1.0^git1', '1.01', -1],
  ['1.0^20160101', '1.0^20160101', 0],
  ['1.0^20160101', '1.0.1', -1],
  ['1.0^20160101^git1', '1.0^20160101^git1', 0],
  ['1.0^20160102', '1.0^20160101^git1', 1],
  ['1.0~rc1^git1', '1.0~rc1^git1', 0],
  ['1.0~rc1^git1', '1.0~rc1', 1],
  ['1.0^git1~pre', '1.0^git1~pre', 0],
  ['1.0^git1', '1.0^git1~pre', 1],
];

describe('rpmvercmp', () => {
  it.each(rpmvercmpCases)('%s vs %s → %i', (a, b, expected) => {
    expect(rpmvercmp(a, b)).toBe(expected);
    expect(rpmvercmp(b, a)).toBe(expected === 0 ? 0 : -expected);
  });
});

describe('compareRpmVersions (epoch:version-release)', () => {
  it.each([
    ['1:0.9-1', '2.0-1', 1],
    ['0:2.0-1', '2.0-1', 0],
    ['2.4.57-5.el9', '2.4.57-11.el9', -1], // release 5 < 11, numerically
    ['2.4.57-5.el9', '2.4.6-1.el9', 1],
    ['1.20.1-14.el9_2.1', '1.20.1-14.el9', 1],
    ['1.0~rc1-1', '1.0-1', -1],
    ['7.76.1-26.el9', '7.76.1', 0], // a side without a release matches any release
    ['3.0.7-24.el9', '3.0.7-24.el9', 0],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareRpmVersions(a, b)).toBe(expected);
    expect(compareRpmVersions(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('splits epoch, version and release', () => {
    expect(parseRpmVersion('2:1.2.3-4.el9')).toEqual({ epoch: 2, version: '1.2.3', release: '4.el9' });
    expect(parseRpmVersion('1.2.3')).toEqual({ epoch: 0, version: '1.2.3', release: null });
  });
});
