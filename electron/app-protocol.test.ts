import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { resolveAppUrl, serveAppRequest } from './app-protocol';

const root = path.resolve('/srv/outpost/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps the origin and index to index.html', () => {
    expect(resolveAppUrl('app://outpost/', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppUrl('app://outpost', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppUrl('app://outpost/index.html', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
  });

  it('maps assets and ignores query and fragment', () => {
    expect(resolveAppUrl('app://outpost/assets/index-abc.js?v=1#x', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolveAppUrl('app://outpost/assets/my%20font.woff2', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'my font.woff2'),
    });
  });

  it('keeps plain ../ inside the root (the URL parser normalises it away)', () => {
    const r = resolveAppUrl('app://outpost/../../../etc/passwd', root);
    expect(r).toEqual({ kind: 'file', filePath: path.join(root, 'etc', 'passwd') });
  });

  it.each([
    'app://outpost/..%2F..%2Fetc%2Fpasswd',
    'app://outpost/assets/..%2F..%2F..%2Fsecret',
    'app://outpost/%2e%2e%2f%2e%2e%2fsecret',
    'app://outpost/..%5C..%5Csecret',
    'app://outpost/%2Fetc%2Fpasswd/..%2F..%2F..%2F..%2Fx',
    'app://outpost/C:%5CWindows%5Cwin.ini',
    'app://outpost/index.html%00.png',
    'app://outpost/%E0%A4%A',
  ])('refuses traversal and malformed paths: %s', (url) => {
    expect(resolveAppUrl(url, root).kind).toBe('forbidden');
  });

  it('does not let a sibling directory with the same prefix through', () => {
    expect(resolveAppUrl('app://outpost/..%2Frenderer-evil%2Fx.js', root).kind).toBe('forbidden');
  });

  it.each([
    'app://evil/index.html',
    'app://outpost.evil/index.html',
    'app://user@outpost/index.html',
    'app://outpost:8080/index.html',
    'file:///etc/passwd',
    'https://outpost/index.html',
    'not a url',
  ])('does not serve other origins: %s', (url) => {
    expect(resolveAppUrl(url, root).kind).toBe('not_found');
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'outpost-app-protocol-'));
    mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Outpost</title>');
    writeFileSync(path.join(dir, 'renderer', 'assets', 'main.js'), 'export {}');
    writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, path.join(dir, 'renderer'));

  it('serves files with their MIME type and the CSP', async () => {
    const res = await get('app://outpost/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('export {}');
  });

  it('falls back to index.html for client-side routes only', async () => {
    const route = await get('app://outpost/deployments/123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Outpost</title>');
    expect((await get('app://outpost/assets/missing.js')).status).toBe(404);
  });

  it('puts the CSP on errors too', async () => {
    const traversal = await get('app://outpost/..%2Fsecret.txt');
    expect(traversal.status).toBe(403);
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await traversal.text()).not.toContain('top secret');
    const unknownHost = await get('app://other/index.html');
    expect(unknownHost.status).toBe(404);
    expect(unknownHost.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://outpost/index.html', 'POST')).status).toBe(405);
    const head = await get('app://outpost/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
