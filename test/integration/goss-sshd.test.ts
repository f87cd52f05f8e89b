// Goss files evaluated against a real OpenSSH sshd host (test/support/sshd-harness.ts): the import,
// the probe (file type, hashes, link target, mountinfo, interfaces, HTTP headers…) and Goss's matchers.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGoss, gossFailures as failures, onSshd } from '../support/goss-check';
import { sshdUnavailableReason, startSshd, type SshdInstance } from '../support/sshd-harness';

const unavailable = sshdUnavailableReason();
const check = (s: SshdInstance, yaml: string) => checkGoss(onSshd(s), yaml);

describe.skipIf(unavailable)(`Goss files on a real sshd host${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let sshd: SshdInstance;
  let web: http.Server;
  let webPort = 0;
  beforeAll(async () => {
    sshd = await startSshd();
    web = http.createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(301, { Location: '/' }).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-Seen-Method': req.method ?? '',
        'X-Seen-Header': String(req.headers['x-outpost'] ?? ''),
      });
      res.end('{"status":"ok"}\n');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webPort = (web.address() as AddressInfo).port;
  }, 30_000);
  afterAll(async () => {
    await sshd?.stop();
    await new Promise((resolve) => web?.close(resolve));
  });

  it('every attribute of the host gossfile passes, with plain values and matchers', async () => {
    const yaml = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/goss/corpus/sshd-host.goss.yaml'), 'utf8');
    const results = await check(sshd, yaml);
    expect(results.size).toBe(23);
    expect(failures(results)).toEqual([]);
  }, 60_000);

  it('ports, addresses and HTTP with method, request headers, response headers and redirects', async () => {
    const yaml = [
      'port:',
      `  tcp:${sshd.port}:`,
      '    listening: true',
      '    ip: [127.0.0.1]',
      'addr:',
      `  tcp://127.0.0.1:${sshd.port}:`,
      '    reachable: true',
      'http:',
      `  http://127.0.0.1:${webPort}/:`,
      '    status: 200',
      '    method: PUT',
      '    request-headers: ["X-Outpost: yes please"]',
      '    headers: ["X-Seen-Method: PUT", "X-Seen-Header: yes please"]',
      '    body: [\'"status":"ok"\']',
      `  http://127.0.0.1:${webPort}/moved:`,
      '    status: 301',
      '    no-follow-redirects: true',
      '    headers: {contain-element: {have-prefix: "Location"}}',
      `  http://127.0.0.1:${webPort}/moved?follow:`,
      '    url: ' + `http://127.0.0.1:${webPort}/moved`,
      '    status: 200',
      '    no-follow-redirects: false',
      '',
    ].join('\n');
    const results = await check(sshd, yaml);
    expect(failures(results)).toEqual([]);
    expect(results.size).toBe(5);
  }, 60_000);

  it('failing attributes fail with the expected and actual values; unreadable facts are errors with the reason', async () => {
    const yaml = [
      'file:',
      '  /etc/passwd:',
      '    filetype: directory',
      '    size: {lt: 10}',
      'user:',
      '  root:',
      '    gid: {gt: 0}',
      'command:',
      '  echo out; echo err >&2:',
      '    stderr: ""',
      'service:',
      '  sshd:',
      '    running: true',
      'dns:',
      '  TXT:example.invalid:',
      '    resolvable: true',
      '    server: 127.0.0.1',
      '',
    ].join('\n');
    const results = await check(sshd, yaml);
    expect(results.get('file: /etc/passwd')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/filetype is "file", expected "directory"; size is \d+, expected \{"lt":"10"\}/),
    });
    expect(results.get('user: root')).toMatchObject({ status: 'fail', message: 'gid is 0, expected {"gt":"0"}' });
    expect(results.get('command: echo out; echo err >&2')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('stderr is "err'),
    });
    // No systemd in the test container: the service is an error that says so, not a silent pass.
    expect(results.get('service: sshd')).toMatchObject({ status: 'error', message: expect.stringContaining('systemd') });
    // A record type needs dig on the target (or a resolver answering it).
    expect(['error', 'fail']).toContain(results.get('dns: TXT:example.invalid')!.status);
  }, 60_000);
});
