import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi';

describe('WinAnsi text for the standard PDF fonts', () => {
  it('keeps what WinAnsi has, strips marks it lacks, and replaces the rest', () => {
    expect(toWinAnsi('Köln Straße – “quoted” €5')).toBe('Köln Straße – “quoted” €5');
    expect(toWinAnsi('Łódź Żółć Čačak')).toBe('Lódz Zólc Cacak');
    expect(toWinAnsi('東京 ✓ 😀')).toBe('?? v ?');
    expect(toWinAnsi('line\nbreak\ttab')).toBe('line break tab');
  });
});
