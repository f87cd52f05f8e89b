import { describe, expect, it } from 'vitest';
import { compareDebianVersions, parseDebianVersion } from './debian-version';

// [a, b, expected sign of compare(a, b)]; cases from Debian Policy §5.6.12 and dpkg's t-version.c.
const cases: [string, string, -1 | 0 | 1][] = [
  ['1.0', '1.0', 0],
  ['0:1.0', '1.0', 0],
  ['1.0', '1.0-0', 0],
  ['1.2.3', '1.2.3-1', -1],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~beta1~svn1245', '1.0~beta1', -1],
  ['~~', '~~a', -1],
  ['~~a', '~', -1],
  ['~', '', -1],
  ['1:0.9', '2.0', 1],
  ['2:1.0', '1:9.0', 1],
  ['1:1.4.1-1', '1.4.1-1', 1],
  ['1.0-1', '1.0-1ubuntu1', -1],
  ['2.7.4+reloaded2-13ubuntu1', '2.7.4+reloaded2-13', 1],
  ['1.0a', '1.0', 1],
  ['1.0a', '1.0+', -1], // letters sort before non-letters
  ['1.0a', '1.0.1', -1],
  ['1.0+dfsg', '1.0.1', -1], // '+' before '.' in ASCII
  ['7.6p2-4', '7.6-0', 1],
  ['1.0.3-3', '1.0-1', 1],
  ['1.3', '1.2.2-2', 1],
  ['1.002', '1.2', 0], // digit runs compare as numbers
  ['1.10', '1.9', 1],
  ['1.2-3-4', '1.2-3-5', -1], // upstream "1.2-3", revision 4 vs 5
  ['1.2-3-4', '1.2-4-1', -1],
  ['24.04', '22.04', 1],
  ['2.0.0-1ubuntu0.1', '2.0.0-1', 1],
  ['1:2.30-1', '1:2.30-1', 0],
  ['3.0~', '3.0', -1],
  ['3.0~', '3.0~~', 1],
  ['0.9.8+git20200101', '0.9.8', 1],
];

describe('compareDebianVersions', () => {
  it.each(cases)('%s vs %s → %i', (a, b, expected) => {
    expect(compareDebianVersions(a, b)).toBe(expected);
    expect(compareDebianVersions(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('sorts a list in Debian policy order', () => {
    const sorted = ['1.0', '1.0~rc1', '1.0-1', '1.0+b1', '1.0a', '1:0.1', '0.9', '1.0~~'].sort(compareDebianVersions);
    expect(sorted).toEqual(['0.9', '1.0~~', '1.0~rc1', '1.0', '1.0-1', '1.0a', '1.0+b1', '1:0.1']);
  });
});

describe('parseDebianVersion', () => {
  it('splits epoch, upstream and revision at the first colon and the last hyphen', () => {
    expect(parseDebianVersion('1:2.4-3-1ubuntu2')).toEqual({ epoch: 1, upstream: '2.4-3', revision: '1ubuntu2' });
    expect(parseDebianVersion('2.4')).toEqual({ epoch: 0, upstream: '2.4', revision: '' });
  });

  it('refuses a non-numeric epoch, an empty upstream or a blank', () => {
    expect(parseDebianVersion('a:1.0')).toBeNull();
    expect(parseDebianVersion('1:')).toBeNull();
    expect(parseDebianVersion('1.0-')).toBeNull();
    expect(parseDebianVersion('1.0 2')).toBeNull();
  });
});
