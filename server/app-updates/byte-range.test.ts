import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('Range headers on release downloads', () => {
  it('reads one range, an open end and a suffix; answers the whole file otherwise', () => {
    expect(parseByteRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ kind: 'part', start: 10, end: 19 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(parseByteRange('bytes=-5', 100)).toEqual({ kind: 'part', start: 95, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseByteRange('bytes=0-1,5-9', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole file when If-Range names another version', () => {
    expect(parseByteRange('bytes=10-19', 100, '"abc"', '"abc"')).toEqual({ kind: 'part', start: 10, end: 19 });
    expect(parseByteRange('bytes=10-19', 100, '"old"', '"abc"')).toEqual({ kind: 'whole' });
  });
});
