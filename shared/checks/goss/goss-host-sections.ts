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

/** A plain value read into Outpost's own field; a matcher is kept for Goss's meaning instead. */
export function plainText(r: ResourceReader, name: string): string | undefined {
  if (r.isMatcher(name)) return (r.keep(name), undefined);
  return r.text(name);
}
export function plainInt(r: ResourceReader, name: string): number | undefined {
  if (r.isMatcher(name)) return (r.keep(name), undefined);
  return r.int(name);
}
export function plainBool(r: ResourceReader, name: string): boolean | undefined {
  if (r.isMatcher(name)) return (r.keep(name), undefined);
  return r.bool(name);
}

/** Goss attributes that are only judged as written (plain value or matcher), through `matchers`. */
function keepAll(r: ResourceReader, names: readonly string[]): void {
  for (const name of names) r.keep(name);
}

export function fileSection(r: ResourceReader): SectionDraft[] {
  const path = r.name('path');
  const exists = r.bool('exists');
  // `contains` is the old spelling of `contents`; kept under Goss's current name when a matcher.
  let patterns = r.list('contents');
  if (r.has('contains') && !r.has('contents')) {
    if (r.isMatcher('contains')) {
      r.keep('contains');
      r.matchers.contents = r.matchers.contains;
      delete r.matchers.contains;
    } else patterns = r.list('contains');
  }
  keepAll(r, ['filetype', 'size', 'md5', 'sha512', 'linked-to']);
  for (const name of ['uid', 'gid']) r.ignore(name, `Goss has no file "${name}" attribute (use owner and group)`);
  const sha256 = plainText(r, 'sha256')?.toLowerCase();
  const params = defined({
    path,
    exists,
    mode: plainText(r, 'mode'),
    owner: plainText(r, 'owner'),
    group: plainText(r, 'group'),
    sha256,
    contains: patterns,
    matchers: r.kept(),
  });
  return [{ kind: 'file', description: exists === false ? `${path} does not exist` : `File ${path} exists`, params }];
}

export function packageSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('name');
  const installed = r.bool('installed') ?? true;
  if (!installed) {
    r.ignore('versions', 'Not checked for a package that must not be installed');
    return [{ kind: 'package', description: `Package ${name} not installed`, params: { name, installed: false } }];
  }
  const versions = r.list('versions');
  const matchers = r.kept();
  if (matchers) return [{ kind: 'package', description: `Package ${name} installed`, params: { name, matchers } }];
  if (!versions || versions.length === 0) return [{ kind: 'package', description: `Package ${name} installed`, params: { name } }];
  // Goss: every listed version is installed. One requirement per version says the same.
  return versions.map((v) => ({ kind: 'package', description: `Package ${name} ${v} installed`, params: { name, version: `=${v}` } }));
}

export function serviceSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('name');
  // A service without `running` is imported as running (Outpost's service check always looks at it).
  const active = plainBool(r, 'running') ?? true;
  const enabled = plainBool(r, 'enabled');
  r.ignore('runlevels', 'Outpost checks systemd services; SysV/OpenRC run levels are not read');
  const words = [active ? 'running' : 'not running', enabled === undefined ? null : enabled ? 'enabled' : 'not enabled']
    .filter(Boolean)
    .join(' and ');
  return [{ kind: 'service', description: `Service ${name} ${words}`, params: defined({ name, active, enabled, matchers: r.kept() }) }];
}

export function processSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('comm');
  const running = r.bool('running') ?? true;
  return [{ kind: 'process', description: `Process ${name} ${running ? 'running' : 'not running'}`, params: { name, running } }];
}

/** Goss `mount`: a mount kind judged on /proc/self/mountinfo; options, source, type and use % as Goss matchers. */
export function mountSection(r: ResourceReader): SectionDraft[] {
  const mountPoint = r.name('mountpoint');
  const exists = r.bool('exists') ?? true;
  keepAll(r, ['opts', 'vfs-opts', 'source', 'filesystem', 'usage']);
  r.ignore('timeout', 'Not needed: Outpost reads mountinfo, which does not hang on a dead network mount');
  return [
    {
      kind: 'mount',
      description: exists ? `${mountPoint} is mounted` : `Nothing mounted on ${mountPoint}`,
      params: defined({ mountPoint, exists, matchers: r.kept() }),
    },
  ];
}

export function interfaceSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('name');
  const exists = r.bool('exists') ?? true;
  keepAll(r, ['addrs', 'mtu']);
  return [
    {
      kind: 'interface',
      description: exists ? `Interface ${name} exists` : `No interface ${name}`,
      params: defined({ name, exists, matchers: r.kept() }),
    },
  ];
}

export function kernelParamSection(r: ResourceReader): SectionDraft[] {
  const key = r.name('name');
  const value = plainText(r, 'value');
  const matchers = r.kept();
  if (value === undefined && !matchers) throw new SkipResource('value: no value to compare');
  return [
    {
      kind: 'kernel_param',
      description: value === undefined ? `Kernel parameter ${key}` : `Kernel parameter ${key} = ${value}`,
      params: defined({ key, value, matchers }),
    },
  ];
}

export function userSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('username');
  const exists = r.bool('exists') ?? true;
  r.keep('gid');
  const params = defined({
    name,
    exists,
    uid: plainInt(r, 'uid'),
    groups: r.list('groups'),
    home: plainText(r, 'home'),
    shell: plainText(r, 'shell'),
    matchers: r.kept(),
  });
  return [{ kind: 'user', description: exists ? `User ${name} exists` : `No user ${name}`, params }];
}

export function groupSection(r: ResourceReader): SectionDraft[] {
  const name = r.name('groupname');
  const exists = r.bool('exists') ?? true;
  return [
    {
      kind: 'group',
      description: exists ? `Group ${name} exists` : `No group ${name}`,
      params: defined({ name, exists, gid: plainInt(r, 'gid'), matchers: r.kept() }),
    },
  ];
}
