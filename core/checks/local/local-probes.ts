import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import type { ProbeResult } from '../../../shared/checks/facts';
import { sensitivePathReason } from '../../../shared/checks/sensitive-paths';
import type { ProbeRequest } from '../collector-types';
import { PROBE_ID, validatedProbeParams } from '../remote/probe-payload';
import { localDnsProbe } from './local-dns-probe';
import { localFiletype, localHttpProbe, localInterfaceProbe, localMountProbe } from './local-goss-probes';

/**
 * Answers the probed requirement kinds on this machine with Node APIs. No shell, except for the
 * `command` kind, whose text is the requirement's own command (`sh -c <command>`).
 */
const MAX_TEXT = 64 * 1024;

/** Told the process-group id of every command started, so the caller can end them if it gives up. */
let onCommand: (pid: number, running: boolean) => void = () => undefined;
export function watchCommands(listener: (pid: number, running: boolean) => void): void {
  onCommand = listener;
}

export async function answerLocalProbes(probes: readonly ProbeRequest[]): Promise<Record<string, ProbeResult>> {
  const answers: Record<string, ProbeResult> = {};
  for (const request of probes) {
    if (typeof request.id !== 'string' || !PROBE_ID.test(request.id)) {
      answers[String(request.id)] = { kind: 'error', message: 'Invalid requirement id: not run', needsPrivilege: false };
      continue;
    }
    let params: Record<string, unknown>;
    try {
      params = validatedProbeParams(request);
    } catch (error) {
      answers[request.id] = { kind: 'error', message: `Invalid parameters, not run: ${(error as Error).message}`, needsPrivilege: false };
      continue;
    }
    try {
      answers[request.id] = await answerOne(request.kind, params);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      answers[request.id] = { kind: 'error', message: e.message, needsPrivilege: e.code === 'EACCES' || e.code === 'EPERM' };
    }
  }
  return answers;
}

async function answerOne(kind: ProbeRequest['kind'], p: Record<string, unknown>): Promise<ProbeResult> {
  const secs = Number(p.timeoutSeconds ?? 10) * 1000;
  switch (kind) {
    case 'file':
      return fileProbe(String(p.path), Array.isArray(p.contains) && p.contains.length > 0, (p.matchers ?? {}) as Record<string, unknown>);
    case 'command':
      return commandProbe(String(p.command), secs);
    case 'http':
      return localHttpProbe(String(p.url), {
        allowInsecure: Boolean(p.allowInsecure),
        timeoutMs: secs,
        method: String(p.method ?? 'GET'),
        requestHeaders: (p.requestHeaders as string[] | undefined) ?? [],
        followRedirects: p.followRedirects === true,
      });
    case 'addr':
      return addrProbe(String(p.host).replace(/^\[|\]$/g, ''), Number(p.port), String(p.protocol), secs);
    case 'dns':
      return localDnsProbe(String(p.name), String(p.type ?? ''), String(p.server ?? ''), secs);
    case 'kernel_param': {
      const key = String(p.key);
      const file = `/proc/sys/${key.includes('/') ? key : key.replace(/\./g, '/')}`;
      const value = await fs.promises.readFile(file, 'utf8').catch(() => null);
      return { kind: 'kernel_param', value: value === null ? null : value.trim().replace(/\s+/g, ' ') };
    }
    case 'user': {
      const entry = (await readDb('/etc/passwd')).find((f) => f[0] === p.name);
      if (!entry) return { kind: 'user', exists: false, uid: null, groups: [], home: null, shell: null };
      const groups = await run('id', ['-Gn', '--', String(p.name)], 5000);
      return {
        kind: 'user',
        exists: true,
        uid: Number(entry[2]),
        gid: Number(entry[3]),
        groups: groups.stdout.trim().split(/\s+/).filter(Boolean),
        home: entry[5] ?? null,
        shell: entry[6] ?? null,
      };
    }
    case 'group': {
      const entry = (await readDb('/etc/group')).find((f) => f[0] === p.name);
      return entry ? { kind: 'group', exists: true, gid: Number(entry[2]) } : { kind: 'group', exists: false, gid: null };
    }
    case 'mount':
      return localMountProbe(String(p.mountPoint));
    case 'interface':
      return localInterfaceProbe(String(p.name));
  }
}

async function readDb(file: string): Promise<string[][]> {
  const text = await fs.promises.readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':'));
}

/**
 * Metadata, the SHA-256 and, only when the requirement matches patterns against them, the first
 * 64 KiB of the contents (the run stores the verdict, not the text). The path is checked again
 * after symlinks are resolved, so a link cannot reach a file that holds secrets.
 */
async function fileProbe(path: string, wantPatterns: boolean, matchers: Record<string, unknown>): Promise<ProbeResult> {
  const wantContents = wantPatterns || 'contents' in matchers;
  const wantHashes = 'md5' in matchers || 'sha512' in matchers;
  const stat = await fs.promises.lstat(path).catch(() => null);
  if (!stat) return { kind: 'file', exists: false, mode: null, owner: null, group: null, sha256: null, contents: null };
  const real = await fs.promises.realpath(path).catch(() => path);
  const secret = sensitivePathReason(real);
  if (secret) return { kind: 'error', message: `Refused: ${path} leads to ${secret}`, needsPrivilege: false };
  const users = await readDb('/etc/passwd');
  const groups = await readDb('/etc/group');
  const owner = users.find((u) => Number(u[2]) === stat.uid)?.[0] ?? String(stat.uid);
  const group = groups.find((g) => Number(g[2]) === stat.gid)?.[0] ?? String(stat.gid);
  let sha256: string | null = null;
  let contents: string | null = null;
  const extra = wantHashes ? { md5: createHash('md5'), sha512: createHash('sha512') } : null;
  let sums: { md5: string | null; sha512: string | null } = { md5: null, sha512: null };
  if (stat.isFile()) {
    try {
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let kept = 0;
      for await (const chunk of fs.createReadStream(path) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        extra?.md5.update(chunk);
        extra?.sha512.update(chunk);
        if (wantContents && kept < MAX_TEXT) head.push(chunk.subarray(0, MAX_TEXT - kept));
        kept += chunk.length;
      }
      sha256 = hash.digest('hex');
      if (extra) sums = { md5: extra.md5.digest('hex'), sha512: extra.sha512.digest('hex') };
      if (wantContents) contents = Buffer.concat(head).toString('utf8');
    } catch {
      // unreadable: sha256 and contents stay null
    }
  }
  const linkedTo = stat.isSymbolicLink() ? await fs.promises.readlink(path).catch(() => null) : null;
  return {
    kind: 'file',
    exists: true,
    mode: (stat.mode & 0o7777).toString(8).padStart(4, '0'),
    owner,
    group,
    sha256,
    contents,
    filetype: localFiletype(stat),
    size: stat.size,
    linkedTo,
    ...(wantHashes ? sums : {}),
  };
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function commandProbe(command: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) onCommand(child.pid, true);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(0, MAX_TEXT)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(0, 8192)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid) onCommand(child.pid, false);
      resolve({ kind: 'command', exitStatus: timedOut ? null : code, stdout, stderr, timedOut, durationMs: Date.now() - started });
    });
  });
}

function addrProbe(host: string, port: number, protocol: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    if (protocol === 'udp') {
      const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
      const done = (error: string | null) => {
        socket.close();
        resolve({ kind: 'addr', reachable: error === null, error });
      };
      socket.on('error', (e) => done(e.message));
      socket.connect(port, host, () => socket.send(Buffer.alloc(0), () => setTimeout(() => done(null), Math.min(500, timeoutMs))));
      return;
    }
    const socket = net.connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ kind: 'addr', reachable: true, error: null });
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve({ kind: 'addr', reachable: false, error: 'Timed out' });
    });
    socket.once('error', (e) => resolve({ kind: 'addr', reachable: false, error: e.message }));
  });
}
