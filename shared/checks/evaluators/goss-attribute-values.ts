import type { Facts, ProbeResult } from '../facts';

/**
 * The system's value of one Goss attribute, as Goss reports it (`goss validate` output), from the
 * facts and the requirement's probe answer: the actual side of a matcher. `unavailable` says why
 * the value is not known (no answer, not collected by this probe version).
 */
export type AttributeValue = { value: unknown } | { unavailable: string };

type Answer<K extends ProbeResult['kind']> = Extract<ProbeResult, { kind: K }>;

const known = (value: unknown, what: string): AttributeValue =>
  value === null || value === undefined ? { unavailable: `the target did not report ${what}` } : { value };

function answerOf<K extends ProbeResult['kind']>(facts: Facts, id: string, kind: K): Answer<K> | string {
  const a = facts.probes[id];
  if (!a) return 'the target did not answer this check';
  if (a.kind === 'error') return a.message;
  if (a.kind !== kind) return `the target answered a ${a.kind} check`;
  return a as Answer<K>;
}

/** Lines as Goss's io.Reader attributes give them to matchers: the whole text (split by the array matchers). */
const text = (t: string | null | undefined, what: string) => known(t ?? null, what);

export function attributeValue(kind: string, attr: string, params: Record<string, unknown>, facts: Facts, id: string): AttributeValue {
  switch (kind) {
    case 'package': {
      const name = String(params.name);
      const versions = facts.packages
        .filter((p) => p.name === name || (p.arch !== null && `${p.name}:${p.arch}` === name))
        .map((p) => p.version);
      return facts.packages.length === 0 ? { unavailable: 'the target did not report its packages' } : { value: versions };
    }
    case 'service': {
      const key = (n: string) => n.replace(/\.service$/, '').toLowerCase();
      const s = facts.services.find(
        (x) => key(x.name) === key(String(params.name)) || (x.aliases ?? []).some((a) => key(a) === key(String(params.name))),
      );
      if (facts.services.length === 0) return { unavailable: 'the target did not report its services' };
      if (!s) return { value: false };
      return attr === 'running' ? { value: s.active } : known(s.enabled, 'whether the service is enabled');
    }
    case 'port': {
      const ips = facts.ports
        .filter((p) => p.port === params.port && p.protocol === params.protocol)
        .map((p) => p.address.replace(/^\[|\]$/g, ''));
      return { value: [...new Set(ips)] };
    }
  }
  const answerKind = kind === 'kernel_param' ? 'kernel_param' : kind;
  const a = answerOf(facts, id, answerKind as ProbeResult['kind']);
  if (typeof a === 'string') return { unavailable: a };
  switch (a.kind) {
    case 'file':
      switch (attr) {
        case 'mode':
          return known(a.mode, 'the mode');
        case 'owner':
          return known(a.owner, 'the owner');
        case 'group':
          return known(a.group, 'the group');
        case 'filetype':
          return known(a.filetype, 'the file type');
        case 'size':
          return known(a.size, 'the size');
        case 'md5':
          return known(a.md5, 'the MD5 sum');
        case 'sha256':
          return known(a.sha256, 'the SHA-256 sum');
        case 'sha512':
          return known(a.sha512, 'the SHA-512 sum');
        case 'linked-to':
          return known(a.linkedTo, 'the link target');
        case 'contents':
          return text(a.contents, 'the contents');
      }
      break;
    case 'command':
      if (attr === 'exit-status') return known(a.exitStatus, 'the exit status');
      return { value: attr === 'stdout' ? a.stdout : a.stderr };
    case 'http':
      if (attr === 'status') return known(a.status, 'an HTTP status');
      if (attr === 'headers') return known(a.headers, 'the response headers');
      return { value: a.body };
    case 'dns':
      return { value: a.addresses };
    case 'kernel_param':
      return known(a.value, 'the parameter');
    case 'user':
      switch (attr) {
        case 'uid':
          return known(a.uid, 'the uid');
        case 'gid':
          return known(a.gid, 'the gid');
        case 'groups':
          return { value: a.groups };
        case 'home':
          return known(a.home, 'the home directory');
        case 'shell':
          return known(a.shell, 'the shell');
      }
      break;
    case 'group':
      return known(a.gid, 'the gid');
    case 'mount':
      switch (attr) {
        case 'opts':
          return known(a.opts, 'the mount options');
        case 'vfs-opts':
          return known(a.vfsOpts, 'the VFS options');
        case 'source':
          return known(a.source, 'the mount source');
        case 'filesystem':
          return known(a.filesystem, 'the file system');
        case 'usage':
          return known(a.usage, 'the use %');
      }
      break;
    case 'interface':
      return attr === 'mtu' ? known(a.mtu, 'the MTU') : { value: a.addrs };
  }
  return { unavailable: `Outpost does not read "${attr}" for ${kind}` };
}
