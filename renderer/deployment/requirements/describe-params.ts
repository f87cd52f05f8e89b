import {
  isRequirementKind,
  requirementParamsSchemas,
  type RequirementKind,
  type RequirementParams,
} from '../../../shared/checks/requirement-kinds';
import { formatConstraint, parseVersionConstraint } from '../../../shared/checks/versions/version-constraint';

/** `>=1.22` → `>= 1.22`; several clauses joined with commas. Unparsable text is shown as written. */
function constraint(text: string): string {
  const parsed = parseVersionConstraint(text);
  return parsed.ok ? formatConstraint(parsed.clauses) : text.trim();
}

/** Bytes in binary units, without trailing zeros: 32 GiB, 1.5 TiB, 512 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
const quote = (text: string) => (text.includes('"') ? `'${text}'` : `"${text}"`);
const patterns = (label: string, list: readonly string[] | undefined) =>
  list && list.length > 0 ? `${label} ${list.length === 1 ? quote(list[0]!) : plural(list.length, 'pattern')}` : null;
const seconds = (s: number) => `timeout ${s} s`;
const join = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ');

type Describers = { [K in RequirementKind]: (p: RequirementParams<K>) => string };

const DESCRIBE: Describers = {
  os: (p) =>
    join('os', p.family, Array.isArray(p.distribution) ? p.distribution.join(' or ') : p.distribution, p.version && constraint(p.version)),
  cpu_cores: (p) => `cpu ≥ ${plural(p.min, 'core')}`,
  memory: (p) => `memory ≥ ${formatBytes(p.minBytes)}`,
  disk_free: (p) =>
    join(
      'disk',
      p.mount,
      p.minFreeBytes !== undefined && `≥ ${formatBytes(p.minFreeBytes)} free`,
      p.maxUsePercent !== undefined && `used < ${p.maxUsePercent}%`,
    ),
  package: (p) =>
    p.installed ? join('package', p.name, p.version ? constraint(p.version) : 'installed') : `package ${p.name} not installed`,
  service: (p) =>
    `service ${p.name} ${p.active ? 'running' : 'stopped'}${p.enabled === undefined ? '' : p.enabled ? ', enabled' : ', disabled'}`,
  port: (p) => join(`port ${p.protocol}/${p.port}`, p.listening ? 'listening' : 'not listening', p.address && `on ${p.address}`),
  process: (p) => `process ${p.name} ${p.running ? 'running' : 'not running'}`,
  file: (p) =>
    p.exists
      ? join(
          'file',
          p.path,
          p.mode && `mode ${p.mode}`,
          p.owner && `owner ${p.owner}`,
          p.group && `group ${p.group}`,
          p.sha256 && `sha256 ${p.sha256.slice(0, 12).toLowerCase()}…`,
          patterns('contains', p.contains),
        )
      : `file ${p.path} absent`,
  command: (p) => join(`command \`${p.command}\``, `exit ${p.exitStatus}`, patterns('stdout', p.stdout), seconds(p.timeoutSeconds)),
  http: (p) =>
    join(`http ${p.url} → ${p.status}`, patterns('body', p.body), p.allowInsecure && 'insecure TLS allowed', seconds(p.timeoutSeconds)),
  addr: (p) => join(`addr ${p.protocol}://${p.host}:${p.port}`, p.reachable ? 'reachable' : 'unreachable', seconds(p.timeoutSeconds)),
  dns: (p) =>
    p.resolvable
      ? join('dns', p.name, p.addresses && p.addresses.length > 0 ? `resolves to ${p.addresses.join(', ')}` : 'resolves')
      : `dns ${p.name} does not resolve`,
  kernel_param: (p) => (p.value === undefined ? `kernel ${p.key}` : `kernel ${p.key} = ${p.value}`),
  user: (p) =>
    p.exists
      ? join(
          'user',
          p.name,
          p.uid !== undefined && `uid ${p.uid}`,
          p.groups && p.groups.length > 0 && `groups ${p.groups.join(', ')}`,
          p.home && `home ${p.home}`,
          p.shell && `shell ${p.shell}`,
        )
      : `user ${p.name} absent`,
  group: (p) => (p.exists ? join('group', p.name, p.gid !== undefined && `gid ${p.gid}`) : `group ${p.name} absent`),
  mount: (p) => (p.exists ? `mount ${p.mountPoint}` : `nothing mounted on ${p.mountPoint}`),
  interface: (p) => (p.exists ? `interface ${p.name}` : `interface ${p.name} absent`),
  clock_skew: (p) => `clock within ${p.maxSeconds} s`,
  hardware_serial: () => 'hardware serial recorded',
};

function describeKnown<K extends RequirementKind>(kind: K, params: unknown): string | null {
  const parsed = requirementParamsSchemas[kind].safeParse(params);
  if (!parsed.success) return null;
  const describe = DESCRIBE[kind] as (p: RequirementParams<K>) => string;
  // Goss attributes kept as matchers (see shared/checks/goss/goss-attributes.ts), shown as Goss wrote them.
  const matchers = (parsed.data as { matchers?: Record<string, unknown> }).matchers;
  const extra = matchers ? Object.entries(matchers).map(([name, value]) => `${name} ${JSON.stringify(value)}`) : [];
  return join(describe(parsed.data as RequirementParams<K>), ...extra);
}

/** `key=value` pairs for kinds this version does not know, or parameters that do not match their kind. */
function describeRaw(kind: string, params: Record<string, unknown>): string {
  const pairs = Object.entries(params).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return join(kind, ...pairs);
}

/** A compact, readable rendering of a requirement's parameters, e.g. "package nginx >= 1.22". */
export function describeParams(kind: string, params: Record<string, unknown>): string {
  return (isRequirementKind(kind) && describeKnown(kind, params)) || describeRaw(kind, params);
}
