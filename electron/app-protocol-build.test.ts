// The built renderer through the app:// handler the Electron window loads it with: every file the
// build emits (the entry, each lazily loaded route and kit chunk, styles, wasm) and every chunk a
// script names comes back whole, with the CSP and the MIME type the browser needs to run it (a
// module script served as anything but JavaScript is refused by the page). Needs `npm run build`
// (npm test builds before it runs the unit tests).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { serveAppRequest } from './app-protocol';

const RENDERER = path.resolve('dist', 'renderer');

/** What the browser must be told for each kind of file the build emits (written out here, not read from the handler). */
const EXPECTED_MIME: Record<string, RegExp> = {
  '.html': /^text\/html\b/,
  '.js': /^text\/javascript\b/,
  '.css': /^text\/css\b/,
  '.wasm': /^application\/wasm$/,
  '.svg': /^image\/svg\+xml$/,
  '.png': /^image\/png$/,
  '.woff2': /^font\/woff2$/,
  '.json': /^application\/json\b/,
  '.map': /^application\/json\b/,
};

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? builtFiles(full) : [full];
  });
}

const toUrl = (file: string) => `app://outpost/${path.relative(RENDERER, file).split(path.sep).map(encodeURIComponent).join('/')}`;

/** Files a chunk or the page names relatively: static imports, import(), Vite's preload list. */
function namedFiles(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/["'`](\.{1,2}\/[\w./-]+\.(?:js|css|wasm))["'`]/g)) names.add(match[1]!);
  if (file.endsWith('.html')) for (const match of text.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) names.add(match[1]!);
  return [...names].map((name) => path.resolve(path.dirname(file), name));
}

describe('the built renderer over app://', () => {
  if (!existsSync(path.join(RENDERER, 'index.html'))) {
    it('needs the build', () => {
      throw new Error(`${RENDERER} has no index.html: run \`npm run build\` first`);
    });
    return;
  }
  const files = builtFiles(RENDERER);
  const scripts = files.filter((file) => file.endsWith('.js'));

  it('is split into chunks (the first screen does not carry every route)', () => {
    expect(scripts.length).toBeGreaterThan(10);
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    // The routes and the kit after the first screen are neither in the page nor preloaded by it.
    for (const lazyChunk of ['deferred-kit', 'SiteWorkspace', 'DeploymentOverview', 'DashboardView']) {
      expect(scripts.some((file) => path.basename(file).startsWith(`${lazyChunk}-`))).toBe(true);
      expect(html).not.toContain(`${lazyChunk}-`);
    }
  });

  it.each(files.map((file) => [path.relative(RENDERER, file), file] as const))(
    'serves %s whole, with its MIME type and the CSP',
    async (_name, file) => {
      const expected = EXPECTED_MIME[path.extname(file).toLowerCase()];
      expect(expected, `the build emits ${path.extname(file)} files: say which MIME type they need`).toBeDefined();
      const res = await serveAppRequest({ url: toUrl(file), method: 'GET' }, RENDERER);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(expected!);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    },
  );

  it('finds every chunk the page and the scripts name, inside the renderer folder', async () => {
    const named = new Set([path.join(RENDERER, 'index.html'), ...scripts].flatMap(namedFiles));
    expect(named.size).toBeGreaterThan(scripts.length / 2);
    for (const file of named) {
      expect(path.relative(RENDERER, file).startsWith('..'), `${file} is outside the renderer`).toBe(false);
      const res = await serveAppRequest({ url: toUrl(file), method: 'GET' }, RENDERER);
      expect(res.status, `${toUrl(file)} (named by a chunk)`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(EXPECTED_MIME[path.extname(file)]!);
    }
  });
});
