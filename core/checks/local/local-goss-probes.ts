import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import type { ProbeResult } from '../../../shared/checks/facts';
import { parseMountinfoLine } from '../remote/parse-goss-probes';

/** Goss `mount` on this machine: /proc/self/mountinfo (the last mount on the point wins) and statfs for the use %. */
export async function localMountProbe(mountPoint: string): Promise<ProbeResult> {
  const text = await fs.promises.readFile('/proc/self/mountinfo', 'utf8').catch(() => null);
  if (text === null) return { kind: 'error', message: 'This machine has no /proc/self/mountinfo', needsPrivilege: false };
  const line = text
    .split('\n')
    .filter((l) => parseMountinfoLine(l)?.mountPoint === mountPoint)
    .pop();
  const usage = line
    ? await fs.promises
        .statfs(mountPoint)
        .then((s) => (s.blocks > 0 ? Math.round((100 * (s.blocks - s.bfree)) / s.blocks) : 0))
        .catch(() => null)
    : null;
  return mountAnswer(line, usage);
}

export function mountAnswer(line: string | undefined, usage: number | null): ProbeResult {
  const entry = line ? parseMountinfoLine(line) : null;
  if (!entry) return { kind: 'mount', exists: false, opts: null, vfsOpts: null, source: null, filesystem: null, usage: null };
  return {
    kind: 'mount',
    exists: true,
    opts: entry.opts,
    vfsOpts: entry.vfsOpts,
    source: entry.source,
    filesystem: entry.filesystem,
    usage,
  };
}

/** Goss `interface` on this machine: addresses in CIDR form and the MTU from /sys/class/net. */
export async function localInterfaceProbe(name: string): Promise<ProbeResult> {
  const addresses = os.networkInterfaces()[name];
  const exists = addresses !== undefined || fs.existsSync(`/sys/class/net/${name}`);
  if (!exists) return { kind: 'interface', exists: false, addrs: [], mtu: null };
  const mtu = await fs.promises
    .readFile(`/sys/class/net/${name}/mtu`, 'utf8')
    .then((t) => Number(t.trim()))
    .catch(() => null);
  return {
    kind: 'interface',
    exists: true,
    addrs: (addresses ?? []).map((a) => a.cidr ?? a.address),
    mtu: Number.isFinite(mtu) ? mtu : null,
  };
}

/** Goss's file type of an lstat result. */
export function localFiletype(stat: fs.Stats): string {
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isDirectory()) return 'directory';
  if (stat.isCharacterDevice()) return 'character-device';
  if (stat.isBlockDevice()) return 'block-device';
  if (stat.isFIFO()) return 'pipe';
  if (stat.isSocket()) return 'socket';
  return 'file';
}

export interface LocalHttpOptions {
  allowInsecure: boolean;
  timeoutMs: number;
  method: string;
  requestHeaders: readonly string[];
  followRedirects: boolean;
}

const MAX_BODY = 64 * 1024;

/** An HTTP request as the remote probe's curl makes it: method, request headers, redirects followed on request; response headers as `Name: value` lines. */
export function localHttpProbe(url: string, options: LocalHttpOptions, hops = 0): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    for (const line of options.requestHeaders) {
      const cut = line.indexOf(':');
      if (cut > 0) headers[line.slice(0, cut).trim()] = line.slice(cut + 1).trim();
    }
    const request = url.startsWith('https:') ? https.request : http.request;
    const req = request(
      url,
      { method: options.method, headers, timeout: options.timeoutMs, rejectUnauthorized: !options.allowInsecure },
      (res) => {
        const location = res.headers.location;
        if (options.followRedirects && location && res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && hops < 10) {
          res.resume();
          resolve(localHttpProbe(new URL(location, url).toString(), options, hops + 1));
          return;
        }
        const lines: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        let body = '';
        res.on('data', (d: Buffer) => (body = (body + d.toString()).slice(0, MAX_BODY)));
        res.on('end', () => resolve({ kind: 'http', status: res.statusCode ?? null, body, error: null, headers: lines.join('\n') }));
        res.on('error', (e) =>
          resolve({ kind: 'http', status: res.statusCode ?? null, body, error: e.message, headers: lines.join('\n') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('Timed out')));
    req.on('error', (e) => resolve({ kind: 'http', status: null, body: '', error: e.message, headers: null }));
    req.end();
  });
}
