import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError, normalizeTime } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('normalizes numbers: no -0, integers as integers, finite only', () => {
    expect(canonicalJson([-0, 0, 1.0, 1.5, 1e21, -2])).toBe('[0,0,1,1.5,1e+21,-2]');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/\$\.x/);
  });

  it('writes zoned date-times as UTC ISO 8601 with milliseconds; leaves other strings alone', () => {
    expect(normalizeTime('2026-11-24T08:40:12+02:00')).toBe('2026-11-24T06:40:12.000Z');
    expect(normalizeTime('2026-11-24T06:40:12.5Z')).toBe('2026-11-24T06:40:12.500Z');
    expect(normalizeTime('2026-11-24')).toBe('2026-11-24');
    expect(normalizeTime('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalJson({ at: '2026-11-24T07:40:12.000+01:00' })).toBe(canonicalJson({ at: '2026-11-24T06:40:12.000Z' }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: 10n })).toThrow(CanonicalJsonError);
  });

  it('escapes strings like JSON and keeps non-ASCII text', () => {
    expect(canonicalJson({ name: 'Jörg "Ł" \n' })).toBe('{"name":"Jörg \\"Ł\\" \\n"}');
  });
});
