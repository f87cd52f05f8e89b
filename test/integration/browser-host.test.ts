import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../host/browser-host';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

let core: TestCore;
let host: BrowserHost;
let base: string;
let siteId: string;
let rendererDir: string;

beforeEach(async () => {
  const sample = openSampleCore();
  core = sample.core;
  siteId = sample.site.id;
  rendererDir = tempDataDir('renderer');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Outpost</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  host = await startBrowserHost({ core: core.core, rendererDir, port: 0 });
  base = `http://127.0.0.1:${host.port}`;
});

afterEach(async () => {
  await host.close();
  core.close();
});

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-outpost-token': host.token, origin: base, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function receivedCount(): Promise<number> {
  return core.call('inventory.reconciliation', { siteId }).received;
}

describe('browser shell host', () => {
  it('answers a valid call from its own origin with the token', async () => {
    const res = await call('sites.get', { siteId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { id: siteId } });
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    const serial = core.call('inventory.list', { siteId, limit: 1 }).items[0]!.expectedSerial!;
    const noToken = await fetch(`${base}/api/inventory.receive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteId, serial }),
    });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call('inventory.receive', { siteId, serial }, { 'x-outpost-token': `${host.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(await receivedCount()).toBe(0);
  });

  it('refuses other origins, cross-site fetches and foreign Host headers even with the token', async () => {
    const serial = core.call('inventory.list', { siteId, limit: 1 }).items[0]!.expectedSerial!;
    const evil = await call('inventory.receive', { siteId, serial }, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const crossSite = await call('inventory.receive', { siteId, serial }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const simpleForm = await call('inventory.receive', 'siteId=x', { 'content-type': 'text/plain' });
    expect(simpleForm.status).toBe(415);
    expect(await receivedCount()).toBe(0);
  });

  it('gives typed validation errors for wrong types, unknown fields, bad JSON and huge payloads', async () => {
    const wrongType = await call('inventory.receive', { siteId, serial: 12345 });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'serial' }] } });
    const unknownField = await call('inventory.receive', { siteId, serial: 'X', sql: 'DROP TABLE sites' });
    expect(await unknownField.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const badJson = await call('inventory.receive', '{"siteId":');
    expect(badJson.status).toBe(400);
    const huge = await call('inventory.recordSurplus', { siteId, serial: 'BIG', note: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const unknown = await call('system.exec', {});
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(core.call('inventory.reconciliation', { siteId })).toMatchObject({ received: 0, surplus: 0 });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Outpost</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    for (const probe of [
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/.hidden.js',
      '/%2e%2e/%2e%2e/etc/hosts',
    ]) {
      const res = await fetch(`${base}${probe}`);
      const body = await res.text();
      // Either refused, or the app page itself: never the file outside the renderer folder.
      expect(res.status === 404 || body.includes('<title>Outpost</title>')).toBe(true);
      expect(body).not.toMatch(/root:|"name"|localhost/);
    }
  });

  it('serves the page while the core still loads, and answers a call made meanwhile once it has', async () => {
    let coreLoaded!: (opened: typeof core.core) => void;
    const loading = new Promise<typeof core.core>((resolve) => (coreLoaded = resolve));
    const early = await startBrowserHost({ core: loading, rendererDir, port: 0 });
    try {
      const earlyBase = `http://127.0.0.1:${early.port}`;
      expect((await fetch(`${earlyBase}/`)).status).toBe(200);
      const pending = fetch(`${earlyBase}/api/sites.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-outpost-token': early.token, origin: earlyBase },
        body: JSON.stringify({ siteId }),
      });
      const first = await Promise.race([
        pending.then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 200)),
      ]);
      expect(first).toBe('waiting');
      coreLoaded(core.core);
      const res = await pending;
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, value: { id: siteId } });
    } finally {
      await early.close();
    }
  });
});
