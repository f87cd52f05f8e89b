import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePath } from './normalize-path';

const url = (target: string) => {
  const result = normalizePath(target);
  return 'url' in result ? result.url : `error: ${result.error}`;
};

describe('request path normalisation', () => {
  it('brings encoded, dotted and doubled paths to one form', () => {
    expect(url('/%761/me')).toBe('/v1/me');
    expect(url('/%76%31/sync/pull?x=%2F')).toBe('/v1/sync/pull?x=%2F');
    expect(url('//v1///me')).toBe('/v1/me');
    expect(url('/./v1/./me/.')).toBe('/v1/me');
    expect(url('/a/b/../../v1/me')).toBe('/v1/me');
    expect(url('/v1/me/')).toBe('/v1/me/');
    expect(url('/')).toBe('/');
    expect(url('/v1/blobs/%61b%20c%25')).toBe('/v1/blobs/ab%20c%25');
    expect(url('/caf%C3%A9')).toBe('/caf%C3%A9');
  });

  it('refuses what cannot be read', () => {
    for (const bad of [
      '/v1/%zz',
      '/v1/%4',
      '/v1/%2Fme',
      '/v1/%5Cme',
      '/v1\\me',
      '/v1/%00',
      '/v1/%0a',
      '/v1/%c0%ae',
      '/v1/%ff',
      '/..',
      '/v1/../../x',
      'v1/me',
      '*',
    ]) {
      expect([bad, url(bad).startsWith('error:')]).toEqual([bad, true]);
    }
  });

  it('is idempotent and never leaves dot segments, doubled slashes or undecoded unreserved characters', () => {
    const segment = fc.oneof(
      fc.constantFrom('.', '..', '', 'v1', 'me', '%76', '%2e', '%2E%2e', '%41', 'a%20b', '%25', '~x'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = normalizePath(`/${segments.join('/')}`);
        if ('error' in result) return;
        expect(normalizePath(result.url)).toEqual(result);
        const path = result.url.split('?')[0]!;
        expect(path).not.toMatch(/\/\.{1,2}(\/|$)|\/\/|%(2[eE]|7[6]|4[1])/);
      }),
      { numRuns: 500 },
    );
  });
});
