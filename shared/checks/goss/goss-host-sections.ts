import type { RequirementKind } from '../requirement-kinds';
import { SkipResource, type ResourceReader } from './goss-reader';

export interface SectionDraft {
  kind: RequirementKind;
  description: string;
  params: Record<string, unknown>;
}

/** Drops undefined values so that schema defaults apply. */
export function defined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

export function fileSection(r: ResourceReader): SectionDraft[] {
  const exists = r.bool('exists');
  // `contains` is the old spelling of `contents`.
  const patterns = r.list('contents') ?? r.list('contains');
  r.ignore('filetype', 'Outpost does not check the file type');
  r.ignore('linked-to', 'Outpost does not check link targets');
  for (const name of ['size', 'md5', 'sha1', 'sha512', 'uid', 'gid']) r.ignore(name, `Outpost does not check "${name}" (use sha256, owner and group)`);
  const params = defined({ path: r.key, exists, mode: r.text('mode'), owner: r.text('owner'), group: r.text('group'), sha256: r.text('sha256')?.toLowerCase(), contains: patterns });
  return [{ kind: 'file', description: exists === false ? `${r.key} does not exist` : `File ${r.key} exists`, params }];
}

export function packageSection(r: ResourceReader): SectionDraft[] {
  const installed = r.bool('installed') ?? true;
  const versions = r.list('versions');
  if (!installed) {
    r.ignore('versions', 'Not checked for a package that must not be installed');
    return [{ kind: 'package', description: `Package ${r.key} not installed`, params: { name: r.key, installed: false } }];
  }
  if (!versions || versions.length === 0) return [{ kind: 'package', description: `Package ${r.key} installed`, params: { name: r.key } }];
  // Goss: every listed version is installed. One requirement per version says the same.
  return versions.map((v) => ({ kind: 'package', description: `Package ${r.key} ${v} installed`, params: { name: r.key, version: `=${v}` } }));
}

export function serviceSection(r: ResourceReader): SectionDraft[] {
  // A service without `running` is imported as running (Outpost's service check always looks at it).
  const active = r.bool('running') ?? true;
  const enabled = r.bool('enabled');
  r.ignore('runlevels', 'Outpost does not check SysV run levels');
  const words = [active ? 'running' : 'not running', enabled === undefined ? null : enabled ? 'enabled' : 'not enabled'].filter(Boolean).join(' and ');
  return [{ kind: 'service', description: `Service ${r.key} ${words}`, params: defined({ name: r.key, active, enabled }) }];
}

export function processSection(r: ResourceReader): SectionDraft[] {
  const running = r.bool('running') ?? true;
  return [{ kind: 'process', description: `Process ${r.key} ${running ? 'running' : 'not running'}`, params: { name: r.key, running } }];
}

/**
 * Goss `mount` has no exact Outpost equivalent. A `usage` limit becomes a disk check on that
 * mount (use % at most the limit). Otherwise `exists: true` becomes a file check that the mount
 * point exists, which does not prove that something is mounted there: that is said in `skipped`.
 */
export function mountSection(r: ResourceReader): SectionDraft[] {
  const usage = r.raw('usage');
  for (const name of ['opts', 'vfs-opts', 'source', 'filesystem']) r.ignore(name, `Outpost does not check mount "${name}"`);
  r.ignore('timeout', 'Not needed: mounts are read with the other facts');
  if (usage !== undefined) {
    const limit = usageLimit(usage);
    if (limit === null) throw new SkipResource('usage: only a limit like "usage: { lt: 90 }" is supported');
    r.raw('exists');
    return [{ kind: 'disk_free', description: `At most ${limit}% used on ${r.key}`, params: { mount: r.key, maxUsePercent: limit } }];
  }
  const exists = r.bool('exists') ?? true;
  if (!exists) throw new SkipResource('exists: false (not mounted) cannot be checked by Outpost');
  r.note('exists', `Imported as a check that ${r.key} exists; whether a file system is mounted there is not checked`);
  return [{ kind: 'file', description: `Mount point ${r.key} exists`, params: { path: r.key, exists: true } }];
}

function usageLimit(usage: unknown): number | null {
  const asNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  if (typeof usage === 'object' && usage !== null && !Array.isArray(usage)) {
    const entries = Object.entries(usage);
    if (entries.length !== 1) return null;
    const [op, value] = entries[0]!;
    // "lt 90" is taken as "at most 90 %": use % is reported in whole or tenths of per cent.
    return ['lt', 'le', 'lte', 'less-than'].includes(op) ? asNumber(value) : null;
  }
  return asNumber(usage);
}

export function kernelParamSection(r: ResourceReader): SectionDraft[] {
  const value = r.text('value');
  if (value === undefined) throw new SkipResource('no value to compare');
  return [{ kind: 'kernel_param', description: `Kernel parameter ${r.key} = ${value}`, params: { key: r.key, value } }];
}

export function userSection(r: ResourceReader): SectionDraft[] {
  const exists = r.bool('exists') ?? true;
  r.ignore('gid', 'Outpost checks group membership (groups), not the primary gid');
  const params = defined({ name: r.key, exists, uid: r.int('uid'), groups: r.list('groups'), home: r.text('home'), shell: r.text('shell') });
  return [{ kind: 'user', description: exists ? `User ${r.key} exists` : `No user ${r.key}`, params }];
}

export function groupSection(r: ResourceReader): SectionDraft[] {
  const exists = r.bool('exists') ?? true;
  return [{ kind: 'group', description: exists ? `Group ${r.key} exists` : `No group ${r.key}`, params: defined({ name: r.key, exists, gid: r.int('gid') }) }];
}
