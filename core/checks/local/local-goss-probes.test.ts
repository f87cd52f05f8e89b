import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localHttpProbe, localInterfaceProbe, localMountProbe } from './local-goss-probes';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/moved') return void res.writeHead(302, { Location: '/' }).end();
    res.writeHead(200, { 'X-Seen': `${req.method} ${String(req.headers['x-outpost'] ?? '')}` }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const options = { allowInsecure: false, timeoutMs: 5000, method: 'GET', requestHeaders: [] as string[], followRedirects: false };

describe('Goss probes on this machine', () => {
  it('sends the method and request headers and reports the response headers', async () => {
    expect(await localHttpProbe(`${base}/`, { ...options, method: 'PUT', requestHeaders: ['X-Outpost: yes'] })).toMatchObject({
      status: 200,
      body: 'ok',
      headers: expect.stringContaining('X-Seen: PUT yes'),
    });
  });
  it('follows redirects only when asked (Goss follows unless no-follow-redirects)', async () => {
    expect(await localHttpProbe(`${base}/moved`, options)).toMatchObject({ status: 302 });
    expect(await localHttpProbe(`${base}/moved`, { ...options, followRedirects: true })).toMatchObject({ status: 200 });
  });
  it('reads the root mount and the loopback interface', async () => {
    expect(await localMountProbe('/')).toMatchObject({
      kind: 'mount',
      exists: true,
      opts: expect.arrayContaining([expect.stringMatching(/^r[ow]$/)]),
    });
    expect(await localMountProbe('/no/such/mount')).toMatchObject({ kind: 'mount', exists: false });
    expect(await localInterfaceProbe('lo')).toMatchObject({
      kind: 'interface',
      exists: true,
      addrs: expect.arrayContaining(['127.0.0.1/8']),
    });
    expect(await localInterfaceProbe('nosuch0')).toMatchObject({ kind: 'interface', exists: false });
  });
});
