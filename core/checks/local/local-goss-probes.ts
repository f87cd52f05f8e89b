import fs from 'node:fs';
import os from 'node:os';
import type { ProbeResult } from '../../../shared/checks/facts';
import { parseMountinfoLine } from '../remote/parse-goss-probes';

/** Goss `mount` on this machine: /proc/self/mountinfo (the last mount on the point wins) and statfs for the use %. */
export async function localMountProbe(mountPoint: string): Promise<ProbeResult> {
  const text = await fs.promises.readFile('/proc/self/mountinfo', 'utf8').catch(() => null);
  if (text === null) return { kind: 'error', message: 'This machine has no /proc/self/mountinfo', needsPrivilege: false };
  const line = text.split('\n').filter((l) => parseMountinfoLine(l)?.mountPoint === mountPoint).pop();
  const usage = line ? await fs.promises.statfs(mountPoint).then((s) => (s.blocks > 0 ? Math.round((100 * (s.blocks - s.bfree)) / s.blocks) : 0)).catch(() => null) : null;
  return mountAnswer(line, usage);
}

export function mountAnswer(line: string | undefined, usage: number | null): ProbeResult {
  const entry = line ? parseMountinfoLine(line) : null;
  if (!entry) return { kind: 'mount', exists: false, opts: null, vfsOpts: null, source: null, filesystem: null, usage: null };
  return { kind: 'mount', exists: true, opts: entry.opts, vfsOpts: entry.vfsOpts, source: entry.source, filesystem: entry.filesystem, usage };
}

/** Goss `interface` on this machine: addresses in CIDR form and the MTU from /sys/class/net. */
export async function localInterfaceProbe(name: string): Promise<ProbeResult> {
  const addresses = os.networkInterfaces()[name];
  const exists = addresses !== undefined || fs.existsSync(`/sys/class/net/${name}`);
  if (!exists) return { kind: 'interface', exists: false, addrs: [], mtu: null };
  const mtu = await fs.promises.readFile(`/sys/class/net/${name}/mtu`, 'utf8').then((t) => Number(t.trim())).catch(() => null);
  return { kind: 'interface', exists: true, addrs: (addresses ?? []).map((a) => a.cidr ?? a.address), mtu: Number.isFinite(mtu) ? mtu : null };
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
