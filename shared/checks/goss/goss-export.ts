import { isRequirementKind, requirementParamsSchemas } from '../requirement-kinds';
import { mapGossDocument } from './goss-import';

/**
 * Requirements → a gossfile (`goss validate` reads it), the inverse of goss-import.ts: every kind
 * the import produces maps back to its Goss section, Goss matchers kept as written, so importing
 * the export gives the same requirements. Kinds Goss has no resource for (os, memory, …) are
 * listed in `skipped` with the reason, never dropped silently.
 */
export interface ExportableRequirement {
  kind: string;
  description: string;
  params: Record<string, unknown>;
}

export interface GossExport {
  document: Record<string, Record<string, Record<string, unknown>>>;
  exported: number;
  skipped: { description: string; reason: string }[];
}

const NO_GOSS_RESOURCE: Record<string, string> = {
  os: 'Goss has no OS resource',
  cpu_cores: 'Goss has no CPU resource',
  memory: 'Goss has no memory resource',
  disk_free: 'Goss checks use % of a mount point only (mount usage), not free space on the file system holding a path',
  clock_skew: 'Goss has no clock resource',
  hardware_serial: 'Goss has no hardware serial resource',
};

/** Goss reads matcher arguments typed: numbers for lt…ge and have-len, and for numeric attributes. */
const NUMERIC_ATTRIBUTES = new Set(['uid', 'gid', 'size', 'mtu', 'usage', 'exit-status', 'status']);
const NUMERIC_MATCHERS = new Set(['lt', 'le', 'gt', 'ge', 'have-len']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asNumber = (v: unknown): unknown => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);

function typed(value: unknown, numeric: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => typed(v, numeric));
  if (!isRecord(value)) return numeric ? asNumber(value) : value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, NUMERIC_MATCHERS.has(k) ? asNumber(v) : k === 'have-key-with-value' ? v : typed(v, numeric)]),
  );
}

function withMatchers(attrs: Record<string, unknown>, matchers: unknown): Record<string, unknown> {
  const out = { ...attrs };
  if (isRecord(matchers)) for (const [k, v] of Object.entries(matchers)) out[k] = typed(v, NUMERIC_ATTRIBUTES.has(k));
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const ms = (seconds: unknown): number | undefined => (typeof seconds === 'number' ? Math.round(seconds * 1000) : undefined);
const bracket = (host: string): string => (host.includes(':') ? `[${host}]` : host);

type Entry = { section: string; key: string; attrs: Record<string, unknown> };

function entryOf(kind: string, p: Record<string, unknown>, description: string): Entry | string {
  const m = p.matchers;
  switch (kind) {
    case 'file':
      return {
        section: 'file',
        key: String(p.path),
        attrs: withMatchers({ exists: p.exists, mode: p.mode, owner: p.owner, group: p.group, sha256: p.sha256, contents: p.contains }, m),
      };
    case 'package':
      if (p.installed === false) return { section: 'package', key: String(p.name), attrs: { installed: false } };
      if (typeof p.version === 'string' && !/^=[^\s=<>!]+$/.test(p.version.trim()))
        return `the version constraint "${p.version}" has no Goss form (Goss lists exact versions, or a semver-constraint matcher)`;
      return {
        section: 'package',
        key: String(p.name),
        attrs: withMatchers({ installed: true, versions: typeof p.version === 'string' ? [p.version.trim().slice(1)] : undefined }, m),
      };
    case 'service':
      return { section: 'service', key: String(p.name), attrs: withMatchers({ enabled: p.enabled, running: p.active }, m) };
    case 'port':
      return {
        section: 'port',
        key: `${String(p.protocol)}:${String(p.port)}`,
        attrs: withMatchers({ listening: p.listening, ip: p.address === undefined ? undefined : [p.address] }, m),
      };
    case 'process':
      return { section: 'process', key: String(p.name), attrs: { running: p.running } };
    case 'command': {
      const auto = description === `Command "${String(p.command)}" exits ${String(p.exitStatus)}`;
      // A description of its own becomes the resource name, the command its `exec` (Goss v0.4).
      return {
        section: 'command',
        key: auto ? String(p.command) : description,
        attrs: withMatchers(
          { exec: auto ? undefined : p.command, 'exit-status': p.exitStatus, stdout: p.stdout, timeout: ms(p.timeoutSeconds) },
          m,
        ),
      };
    }
    case 'http':
      return {
        section: 'http',
        key: String(p.url),
        attrs: withMatchers(
          {
            status: p.status,
            'allow-insecure': p.allowInsecure,
            'no-follow-redirects': p.followRedirects !== true,
            timeout: ms(p.timeoutSeconds),
            body: p.body,
            method: p.method,
            'request-headers': p.requestHeaders,
          },
          m,
        ),
      };
    case 'addr':
      return {
        section: 'addr',
        key: `${String(p.protocol)}://${bracket(String(p.host))}:${String(p.port)}`,
        attrs: { reachable: p.reachable, timeout: ms(p.timeoutSeconds) },
      };
    case 'dns':
      return {
        section: 'dns',
        key: p.type ? `${String(p.type)}:${String(p.name)}` : String(p.name),
        attrs: withMatchers({ resolvable: p.resolvable, addrs: p.addresses, timeout: ms(p.timeoutSeconds), server: p.server }, m),
      };
    case 'kernel_param':
      return { section: 'kernel-param', key: String(p.key), attrs: withMatchers({ value: p.value }, m) };
    case 'user':
      return {
        section: 'user',
        key: String(p.name),
        attrs: withMatchers({ exists: p.exists, uid: p.uid, groups: p.groups, home: p.home, shell: p.shell }, m),
      };
    case 'group':
      return { section: 'group', key: String(p.name), attrs: withMatchers({ exists: p.exists, gid: p.gid }, m) };
    case 'mount':
      return { section: 'mount', key: String(p.mountPoint), attrs: withMatchers({ exists: p.exists }, m) };
    case 'interface':
      return { section: 'interface', key: String(p.name), attrs: withMatchers({ exists: p.exists }, m) };
  }
  return NO_GOSS_RESOURCE[kind] ?? `Goss has no resource for "${kind}"`;
}

/** The lists Goss reads as "all of these": a second requirement on the same resource adds to them. */
const MERGED_LISTS = new Set(['versions', 'ip']);

function merge(into: Record<string, unknown>, attrs: Record<string, unknown>): string | null {
  for (const [k, v] of Object.entries(attrs)) {
    if (!(k in into)) into[k] = v;
    else if (MERGED_LISTS.has(k) && Array.isArray(into[k]) && Array.isArray(v)) into[k] = [...new Set([...(into[k] as unknown[]), ...v])];
    else if (JSON.stringify(into[k]) !== JSON.stringify(v)) return k;
  }
  return null;
}

/** The description the import would give this resource without a `title`, for each requirement it makes. */
function importedDescriptions(section: string, key: string, attrs: Record<string, unknown>): string[] {
  const result = mapGossDocument({
    [section]: {
      [key]: JSON.parse(
        JSON.stringify(attrs, (_k, v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)),
      ) as unknown,
    },
  });
  return result.ok ? result.drafts.map((d) => d.description) : [];
}

export function requirementsToGoss(requirements: readonly ExportableRequirement[]): GossExport {
  const document: GossExport['document'] = {};
  const descriptions = new Map<string, string[]>();
  const skipped: GossExport['skipped'] = [];
  let exported = 0;
  for (const r of requirements) {
    if (!isRequirementKind(r.kind)) {
      skipped.push({ description: r.description, reason: `Unknown requirement kind "${r.kind}"` });
      continue;
    }
    const parsed = requirementParamsSchemas[r.kind].safeParse(r.params);
    if (!parsed.success) {
      skipped.push({ description: r.description, reason: 'Its parameters are not valid for its kind' });
      continue;
    }
    const entry = entryOf(r.kind, parsed.data as Record<string, unknown>, r.description);
    if (typeof entry === 'string') {
      skipped.push({ description: r.description, reason: entry });
      continue;
    }
    const section = (document[entry.section] ??= {});
    const existing = section[entry.key];
    if (existing) {
      const clash = merge(existing, entry.attrs);
      if (clash) {
        skipped.push({
          description: r.description,
          reason: `${entry.section}: ${entry.key} is already exported with another "${clash}" (a gossfile holds one resource per name)`,
        });
        continue;
      }
    } else section[entry.key] = { ...entry.attrs };
    const id = `${entry.section}\u0000${entry.key}`;
    descriptions.set(id, [...(descriptions.get(id) ?? []), r.description]);
    exported++;
  }
  // A description the import would not make again is kept as Goss's `title`.
  for (const [id, wanted] of descriptions) {
    const [section, key] = id.split('\u0000') as [string, string];
    const attrs = document[section]![key]!;
    const auto = importedDescriptions(section, key, attrs);
    if (JSON.stringify(auto) === JSON.stringify(wanted)) continue;
    if (new Set(wanted).size === 1) attrs.title = wanted[0];
  }
  return { document, exported, skipped };
}
