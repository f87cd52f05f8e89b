import { describe, expect, it } from 'vitest';
import { matcherProblem, matchValue } from './matchers';

const yes = { ok: true, pass: true };
const no = { ok: true, pass: false };

// The examples of Goss's docs/gossfile.md "Matchers", with the outcome the manual gives.
describe('Goss default matchers', () => {
  it('bool, strings and integers are compared with equality (as strings)', () => {
    expect(matchValue('foo', 'foo')).toEqual(yes);
    expect(matchValue(65534, 65534)).toEqual(yes);
    expect(matchValue('22', 22)).toEqual(yes);
    expect(matchValue(true, 'true')).toEqual(yes);
    expect(matchValue('', '')).toEqual(yes);
    expect(matchValue('foo', 'bar')).toEqual(no);
  });
  it('arrays are contain-elements: the expected list is a subset', () => {
    const content = ['group1', 'group2', 'group3'];
    expect(matchValue(content, ['group1', 'group2'])).toEqual(yes);
    // "This fails, since … the 2nd group2 is not in the returned content"
    expect(matchValue(content, ['group1', 'group2', 'group2'])).toEqual(no);
    expect(matchValue(['b', 'a'], ['a', 'b'])).toEqual(yes);
    expect(matchValue([], [])).toEqual(yes);
    expect(matchValue(['127.0.0.1', '::1'], ['127.0.0.1'])).toEqual(yes);
  });
});

describe('Goss advanced matchers', () => {
  it('string matchers (matching example: content 42)', () => {
    expect(
      matchValue(42, {
        and: ['42', { 'have-prefix': '4' }, { 'have-suffix': '2' }, { 'match-regexp': '\\d{2}' }, { 'contain-substring': '2' }],
      }),
    ).toEqual(yes);
    expect(matchValue('some string', { 'match-regexp': 'some str' })).toEqual(yes);
    expect(matchValue('/bin/bash', { 'have-prefix': '/usr' })).toEqual(no);
  });
  it('numeric matchers (matching example: content "42")', () => {
    expect(matchValue('42', { and: [42, 42.0, { gt: 40 }, { lt: 45 }] })).toEqual(yes);
    expect(matchValue('42', { and: [42, { gt: 40 }, { lt: 45 }] })).toEqual(yes);
    expect(matchValue('128', { gt: 200 })).toEqual(no); // kernel-param transform example
    expect(matchValue(5, { le: 5 })).toEqual(yes);
    expect(matchValue(5, { ge: '6' })).toEqual(no);
    expect(matchValue('not a number', { lt: 5 })).toEqual(no);
  });
  it('array matchers (matching example: content [foo, bar, moo])', () => {
    const content = ['foo', 'bar', 'moo'];
    expect(
      matchValue(content, {
        and: [
          { 'contain-elements': ['foo', 'bar'] },
          ['foo', 'bar'],
          { equal: ['foo', 'bar', 'moo'] },
          { 'consist-of': ['foo', { 'have-prefix': 'm' }, 'bar'] },
          { 'contain-element': { 'have-prefix': 'b' } },
        ],
      }),
    ).toEqual(yes);
    expect(matchValue(content, { equal: ['foo', 'moo', 'bar'] })).toEqual(no); // order matters
    expect(matchValue(content, { 'consist-of': ['foo', 'bar'] })).toEqual(no);
    expect(matchValue([2], { 'contain-element': 2 })).toEqual(yes);
  });
  it('io.Reader values are split into lines for array matchers (file contents example)', () => {
    const contents = 'foo\nthis is Goss\n';
    expect(
      matchValue(contents, {
        and: [{ 'contain-element': 'foo' }, { not: { 'contain-element': 'bar' } }, { 'contain-element': { 'match-regexp': '[Gg]oss' } }],
      }),
    ).toEqual(yes);
    expect(matchValue('eth0 addr', { 'have-len': 9 })).toEqual(yes);
  });
  it('interface example: contain-element with have-prefix', () => {
    expect(matchValue(['172.17.0.2/16', 'fe80::42:acff:fe11:2/64'], { 'contain-element': { 'have-prefix': '172.17' } })).toEqual(yes);
  });
  it('mount usage example: and of lt and gt', () => {
    expect(matchValue(12, { and: [{ lt: 25 }, { gt: 0 }] })).toEqual(yes);
    expect(matchValue(30, { and: [{ lt: 25 }, { gt: 0 }] })).toEqual(no);
  });
  it('misc: have-len, have-key, not, or', () => {
    expect(matchValue(['a', 'b', 'c'], { 'have-len': 3 })).toEqual(yes);
    expect(matchValue({ foo: 'bar', baz: 'bing' }, { and: [{ 'have-key-with-value': { foo: 'bar' } }, { 'have-key': 'baz' }] })).toEqual(
      yes,
    );
    expect(matchValue({ foo: 'bar' }, { 'have-key': 'baz' })).toEqual(no);
    expect(matchValue('FAIL', { not: 'FAIL' })).toEqual(no);
    expect(matchValue(7, { or: [{ lt: 2 }, { gt: 6 }] })).toEqual(yes);
  });
  it('semver-constraint (the three examples of the manual)', () => {
    expect(matchValue(['1.0.1', '1.9.9'], { 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' })).toEqual(yes);
    expect(matchValue(['1.0.1', '1.5.0', '1.9.9'], { not: { 'semver-constraint': '>1.0.0 <2.0.0 !=1.5.0' } })).toEqual(yes);
    expect(matchValue('1.0.1', { 'semver-constraint': '>5.0.0 || < 1.5.0' })).toEqual(yes);
    expect(matchValue('1.6.0', { 'semver-constraint': '>5.0.0 || < 1.5.0' })).toEqual(no);
    expect(matchValue('1.0.0-rc1', { 'semver-constraint': '<1.0.0' })).toEqual(yes);
    expect(matchValue('v2', { 'semver-constraint': '>=2.0.0' })).toEqual(yes);
  });
  it('refuses unknown matchers and bad arguments by name', () => {
    expect(matchValue('1', { 'be-nice': 1 })).toEqual({ ok: false, reason: 'unknown matcher "be-nice"' });
    expect(matcherProblem({ and: 'x' })).toBe('and takes a list');
    expect(matcherProblem({ lt: 'ten' })).toBe('lt takes a number');
    expect(matcherProblem({ 'semver-constraint': '>>1' })).toContain('semver-constraint');
    expect(matcherProblem({ gt: 1, lt: 5 })).toContain('exactly one key');
    expect(matcherProblem({ not: { gjson: {} } })).toBe('unknown matcher "gjson"');
  });
});
