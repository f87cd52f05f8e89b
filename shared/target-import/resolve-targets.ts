import { machineInputSchema } from '../contract/authoring-methods';
import type { SourceHost, VarValue } from './inventory';
import { SiteIndex, type TargetSiteRef } from './site-match';

/** A target machine already in the deployment (re-import updates it by host name at its site). */
export interface ExistingTarget {
  id: string;
  siteId: string;
  hostName: string;
  address: string;
  port: number;
  username: string;
  role: string;
}

export type SiteSource = 'variable' | 'column' | 'group' | 'host name' | 'chosen';
export type TargetRowStatus = 'new' | 'update' | 'unchanged' | 'unmapped' | 'error';

export interface TargetRow {
  line: number | null;
  hostName: string;
  siteId: string | null;
  siteCode: string | null;
  siteFrom: SiteSource | null;
  address: string;
  port: number;
  username: string;
  role: string;
  status: TargetRowStatus;
  /** The machine a re-import updates. */
  machineId: string | null;
  /** What an update changes, in words. */
  changes: string[];
  errors: string[];
  /** Secret variables of this host that are not imported (names only). */
  skippedSecrets: string[];
  /** Other variables: shown, never stored (a target machine has no column for them). */
  otherVars: string[];
}

export interface ResolveInput {
  hosts: readonly SourceHost[];
  sites: readonly TargetSiteRef[];
  existing: readonly ExistingTarget[];
  /** Sites chosen on the mapping screen for hosts no rule placed (by host name). */
  assignments?: ReadonlyMap<string, string>;
  /** Where every other unplaced host goes; null: they stay unmapped. */
  defaultSiteId?: string | null;
}

const SITE_VARS = ['outpost_site', 'site'];
const USED_VARS = new Set([
  'ansible_host',
  'ansible_ssh_host',
  'ansible_port',
  'ansible_ssh_port',
  'ansible_user',
  'ansible_ssh_user',
  'outpost_role',
  ...SITE_VARS,
]);
const NOT_GROUPS = new Set(['all', 'ungrouped']);
const FIELD_WORDS: Record<string, string> = { hostName: 'host name', address: 'address', port: 'port', username: 'user', role: 'role' };
/** Any valid id: hosts without a site are still checked field by field. */
const PLACEHOLDER_SITE = 'unmapped';

function text(vars: Map<string, VarValue>, names: readonly string[]): { value: string; name: string } | null {
  for (const name of names) {
    const v = vars.get(name);
    if (v === undefined || v === null) continue;
    return { value: typeof v === 'object' ? JSON.stringify(v) : String(v), name };
  }
  return null;
}

function placeSite(host: SourceHost, index: SiteIndex, errors: string[]): { site: TargetSiteRef; from: SiteSource } | null {
  // `outpost_site` is meant for Outpost: a value naming no site is an error. A plain `site` may mean
  // something else in a playbook (a data centre, say): one naming no site is passed over.
  const explicit = text(host.vars, ['outpost_site']);
  if (explicit && explicit.value.trim() !== '') {
    const site = index.named(explicit.value);
    if (!site) errors.push(`outpost_site "${explicit.value}" is not a site of this deployment`);
    return site ? { site, from: 'variable' } : null;
  }
  const loose = text(host.vars, ['site']);
  const looseSite = loose ? index.named(loose.value) : undefined;
  if (looseSite) return { site: looseSite, from: 'variable' };
  if (host.siteColumn) {
    const site = index.named(host.siteColumn);
    if (!site) errors.push(`site "${host.siteColumn}" is not a site of this deployment`);
    return site ? { site, from: 'column' } : null;
  }
  const byGroup = new Map<string, TargetSiteRef>();
  for (const g of host.groups) {
    const site = index.group(g.name);
    if (site) byGroup.set(site.id, site);
  }
  if (byGroup.size > 1) {
    errors.push(`in the groups of ${byGroup.size} sites (${[...byGroup.values()].map((s) => s.code).join(', ')})`);
    return null;
  }
  const [grouped] = byGroup.values();
  if (grouped) return { site: grouped, from: 'group' };
  const inName = index.inHostName(host.name);
  if (inName.length > 1 && inName[0]!.code.length === inName[1]!.code.length) {
    errors.push(`the host name holds the codes of ${inName.length} sites (${inName.map((s) => s.code).join(', ')})`);
    return null;
  }
  return inName[0] ? { site: inName[0], from: 'host name' } : null;
}

/**
 * The role of a host: `outpost_role` when set, otherwise the most specific group it is in, i.e.
 * the deepest one in the `children` tree (direct membership winning a tie, then the name), never
 * `all`, `ungrouped` or a group named after a site. No such group: no role.
 */
function roleOf(host: SourceHost, index: SiteIndex): string {
  const explicit = text(host.vars, ['outpost_role']);
  if (explicit) return explicit.value.trim();
  let best: SourceHost['groups'][number] | null = null;
  for (const g of host.groups) {
    if (NOT_GROUPS.has(g.name) || index.group(g.name)) continue;
    if (!best || g.depth > best.depth || (g.depth === best.depth && g.direct && !best.direct)) best = g;
  }
  return best?.name ?? '';
}

function parsePort(host: SourceHost, errors: string[]): number {
  const port = text(host.vars, ['ansible_port', 'ansible_ssh_port']);
  if (!port || port.value.trim() === '') return 22;
  const n = Number(port.value.trim());
  if (!/^\d+$/.test(port.value.trim())) {
    errors.push(`port "${port.value.slice(0, 20)}" is not a number`);
    return 0;
  }
  return n;
}

/** Matches every host to a site, checks it with the target machine rules and compares it with what is stored. */
export function resolveTargets(input: ResolveInput): TargetRow[] {
  const index = new SiteIndex(input.sites);
  const existing = new Map(input.existing.map((m) => [`${m.siteId}\u0000${m.hostName.toLowerCase()}`, m]));
  const seen = new Map<string, number | null>();
  return input.hosts.map((host) => {
    const errors = [...host.errors];
    let placed = placeSite(host, index, errors);
    if (!placed && errors.length === 0) {
      const chosen = index.byId.get(input.assignments?.get(host.name) ?? input.defaultSiteId ?? '');
      if (chosen) placed = { site: chosen, from: 'chosen' };
    }
    const fields = {
      hostName: host.name,
      address: text(host.vars, ['ansible_host', 'ansible_ssh_host'])?.value.trim() || host.name,
      port: parsePort(host, errors),
      username: text(host.vars, ['ansible_user', 'ansible_ssh_user'])?.value.trim() ?? '',
      role: roleOf(host, index),
    };
    const checked = machineInputSchema.safeParse({ siteId: placed?.site.id ?? PLACEHOLDER_SITE, ...fields });
    const portNamed = errors.some((e) => e.startsWith('port '));
    if (!checked.success)
      for (const issue of checked.error.issues)
        if (!(portNamed && issue.path[0] === 'port'))
          errors.push(`${FIELD_WORDS[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
    const row: TargetRow = {
      line: host.line,
      ...fields,
      siteId: placed?.site.id ?? null,
      siteCode: placed?.site.code ?? null,
      siteFrom: placed?.from ?? null,
      status: 'new',
      machineId: null,
      changes: [],
      errors,
      skippedSecrets: host.skipped.map((s) => s.variable),
      otherVars: [...host.vars.keys()].filter((k) => !USED_VARS.has(k)),
    };
    if (placed) {
      const key = `${placed.site.id}\u0000${host.name.toLowerCase()}`;
      if (seen.has(key)) {
        const first = seen.get(key);
        errors.push(
          `listed twice for site ${placed.site.code}${first === null || first === undefined ? '' : ` (first on line/row ${first})`}`,
        );
      } else seen.set(key, host.line);
      const stored = existing.get(key);
      if (stored) {
        row.machineId = stored.id;
        for (const f of ['address', 'port', 'username', 'role'] as const) {
          if (stored[f] !== fields[f])
            row.changes.push(`${FIELD_WORDS[f]} ${String(stored[f]) || '(none)'} → ${String(fields[f]) || '(none)'}`);
        }
      }
    }
    row.status =
      errors.length > 0 ? 'error' : !placed ? 'unmapped' : row.machineId === null ? 'new' : row.changes.length > 0 ? 'update' : 'unchanged';
    return row;
  });
}
