import { describe, expect, it } from 'vitest';
import { matchValue } from './matchers';

const yes = { ok: true, pass: true };
const no = { ok: true, pass: false };

// Examples from Goss's docs/gossfile.md "Advanced Matchers".
describe('Goss matchers', () => {
  it('plain values are equal, plain lists consist-of', () => {
    expect(matchValue(0, 0)).toEqual(yes);
    expect(matchValue('22', 22)).toEqual(yes);
    expect(matchValue('', '')).toEqual(yes);
    expect(matchValue(['b', 'a'], ['a', 'b'])).toEqual(yes);
    expect(matchValue(['a'], ['a', 'b'])).toEqual(no);
    expect(matchValue([], [])).toEqual(yes);
  });
  it('numeric comparisons', () => {
    expect(matchValue(3, { lt: 5 })).toEqual(yes);
    expect(matchValue(5, { le: 5 })).toEqual(yes);
    expect(matchValue(5, { gt: 5 })).toEqual(no);
    expect(matchValue('6', { ge: 5 })).toEqual(yes);
  });
  it('string matchers', () => {
    expect(matchValue('/bin/bash', { 'have-prefix': '/bin' })).toEqual(yes);
    expect(matchValue('/bin/bash', { 'have-suffix': 'bash' })).toEqual(yes);
    expect(matchValue('hello world', { 'contain-substring': 'lo w' })).toEqual(yes);
    expect(matchValue('foo123', { 'match-regexp': '^foo\\d+$' })).toEqual(yes);
    expect(matchValue('foo', { not: { 'match-regexp': 'bar' } })).toEqual(yes);
  });
  it('and / or / not nest', () => {
    const m = { and: [{ 'have-prefix': 'x' }, { not: { 'contain-substring': 'z' } }] };
    expect(matchValue('xyy', m)).toEqual(yes);
    expect(matchValue('xyz', m)).toEqual(no);
    expect(matchValue(7, { or: [{ lt: 2 }, { gt: 6 }] })).toEqual(yes);
  });
  it('list matchers', () => {
    expect(matchValue(['1.0', '2.0'], { 'contain-element': { 'have-prefix': '2.' } })).toEqual(yes);
    expect(matchValue(['a', 'b'], { 'consist-of': ['b', { 'have-prefix': 'a' }] })).toEqual(yes);
    expect(matchValue(['a', 'b'], { 'have-len': 2 })).toEqual(yes);
    expect(matchValue('abc', { 'have-len': 2 })).toEqual(no);
  });
  it('have-key-with-value', () => {
    expect(matchValue({ 'Content-Type': 'text/html' }, { 'have-key-with-value': { 'Content-Type': 'text/html' } })).toEqual(yes);
    expect(matchValue({ a: '1' }, { 'have-key-with-value': { b: '1' } })).toEqual(no);
  });
  it('refuses unknown matchers and semver-constraint by name', () => {
    expect(matchValue('1', { 'be-nice': 1 })).toEqual({ ok: false, reason: 'unknown matcher "be-nice"' });
    const r = matchValue('1.2.3', { 'semver-constraint': '>1.0' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('semver-constraint');
  });
});
