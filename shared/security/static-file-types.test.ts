import { describe, expect, it } from 'vitest';
import { staticFileType } from './static-file-types';

describe('staticFileType', () => {
  it('reads the last extension of a name or path, in any case', () => {
    expect(staticFileType('assets/index-abc.JS')).toBe('text/javascript; charset=utf-8');
    expect(staticFileType('C:\\app\\renderer\\zxing_reader.wasm')).toBe('application/wasm');
    expect(staticFileType('a.b/index.html')).toBe('text/html; charset=utf-8');
    expect(staticFileType('font.woff2')).toBe('font/woff2');
    expect(staticFileType('a/x.css')).toBe('text/css; charset=utf-8');
    expect(staticFileType('a/x.svg')).toBe('image/svg+xml');
  });

  it('serves anything it does not know, hidden-looking names and inherited keys as a download type', () => {
    for (const name of ['x.exe', 'README', '.js', 'dir.js/file', 'x.constructor', 'x.__proto__', 'x.toString']) {
      expect([name, staticFileType(name)]).toEqual([name, 'application/octet-stream']);
    }
  });
});
