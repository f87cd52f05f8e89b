import { InventoryError, TARGET_IMPORT_MAX_GROUPS, TARGET_IMPORT_MAX_HOSTS } from './limits';
import { secretReason } from './secrets';

const MAX_NESTING = 500;

/** A variable's value as read (scalars as text; lists and maps only shown). */
export type VarValue = string | number | boolean | null | object;

export interface SkippedSecret {
  /** The host it applied to. */
  host: string;
  variable: string;
  /** Where it was written: `host` or `group NAME`. */
  from: string;
}

export interface GroupMembership {
  name: string;
  /** 0 for `all`, 1 for a top-level group, one more per level of `children`. */
  depth: number;
  /** Listed under the group itself, not only under a child of it. */
  direct: boolean;
}

/** One host of an inventory (or one row of a table), before it is matched to a site. */
export interface SourceHost {
  name: string;
  /** Line or row where it first appears, when known. */
  line: number | null;
  /** Effective variables without any secret (group vars by depth, then host vars). */
  vars: Map<string, VarValue>;
  groups: GroupMembership[];
  skipped: SkippedSecret[];
  /** A site named by a table column (tables only). */
  siteColumn?: string;
  errors: string[];
}

interface GroupDraft {
  name: string;
  hosts: string[];
  hostSet: Set<string>;
  children: Set<string>;
  vars: Map<string, VarValue>;
  /** Secret variables seen on the group: names only, the values are dropped at once. */
  secrets: Set<string>;
}

interface HostDraft {
  name: string;
  line: number | null;
  vars: Map<string, VarValue>;
  secrets: Set<string>;
}

/**
 * Collects groups, hosts and variables from any Ansible source (INI, YAML, ansible-inventory JSON),
 * then resolves each host's groups and effective variables the way Ansible does: `all` first, then
 * groups by depth (parents before children, ties by name), then the host's own variables.
 */
export class InventoryBuilder {
  private readonly groups = new Map<string, GroupDraft>();
  private readonly hosts = new Map<string, HostDraft>();

  group(name: string, line: number | null = null): GroupDraft {
    let g = this.groups.get(name);
    if (!g) {
      if (this.groups.size >= TARGET_IMPORT_MAX_GROUPS) throw new InventoryError(`more than ${TARGET_IMPORT_MAX_GROUPS} groups`, line);
      g = { name, hosts: [], hostSet: new Set(), children: new Set(), vars: new Map(), secrets: new Set() };
      this.groups.set(name, g);
    }
    return g;
  }

  host(name: string, line: number | null): HostDraft {
    let h = this.hosts.get(name);
    if (!h) {
      if (this.hosts.size >= TARGET_IMPORT_MAX_HOSTS)
        throw new InventoryError(`more than ${TARGET_IMPORT_MAX_HOSTS} hosts; split the inventory`, line);
      h = { name, line, vars: new Map(), secrets: new Set() };
      this.hosts.set(name, h);
    }
    return h;
  }

  addHostToGroup(groupName: string, hostName: string, line: number | null): HostDraft {
    const h = this.host(hostName, line);
    const g = this.group(groupName, line);
    if (!g.hostSet.has(hostName)) {
      g.hostSet.add(hostName);
      g.hosts.push(hostName);
    }
    return h;
  }

  addChild(parent: string, child: string, line: number | null): void {
    if (child === 'all') throw new InventoryError(`group "all" cannot be a child of "${parent}"`, line);
    this.group(parent, line).children.add(child);
    this.group(child, line);
  }

  /** A variable on a host or group; a secret keeps only its name. */
  setVar(target: HostDraft | GroupDraft, name: string, value: VarValue): void {
    if (secretReason(name, value) !== null) {
      target.secrets.add(name);
      target.vars.delete(name);
      return;
    }
    target.secrets.delete(name);
    target.vars.set(name, value);
  }

  private depths(): Map<string, number> {
    const parents = new Map<string, string[]>();
    for (const g of this.groups.values()) for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
    const depth = new Map<string, number>();
    const visiting = new Set<string>();
    const walk = (name: string): number => {
      if (name === 'all') return 0;
      const known = depth.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) throw new InventoryError(`group "${name}" is its own ancestor (a loop in :children)`);
      if (visiting.size >= MAX_NESTING) throw new InventoryError(`groups are nested more than ${MAX_NESTING} deep`);
      visiting.add(name);
      const ps = (parents.get(name) ?? []).filter((p) => p !== 'all');
      // Ansible's depth: one more than the deepest parent; a group with no parent sits under `all`.
      const d = ps.length === 0 ? 1 : Math.max(...ps.map(walk)) + 1;
      visiting.delete(name);
      if (d > MAX_NESTING) throw new InventoryError(`groups are nested more than ${MAX_NESTING} deep`);
      depth.set(name, d);
      return d;
    };
    for (const name of this.groups.keys()) walk(name);
    return depth;
  }

  /** Every host with its groups, effective variables and skipped secrets, in first-seen order. */
  finish(): SourceHost[] {
    const depth = this.depths();
    const parents = new Map<string, string[]>();
    for (const g of this.groups.values()) for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
    const ancestorsMemo = new Map<string, Set<string>>();
    const ancestors = (name: string): Set<string> => {
      const memo = ancestorsMemo.get(name);
      if (memo) return memo;
      const out = new Set<string>();
      for (const p of parents.get(name) ?? []) {
        out.add(p);
        for (const a of ancestors(p)) out.add(a);
      }
      ancestorsMemo.set(name, out);
      return out;
    };
    const direct = new Map<string, string[]>();
    for (const g of this.groups.values()) for (const h of g.hosts) direct.set(h, [...(direct.get(h) ?? []), g.name]);
    const all = this.groups.get('all');

    return [...this.hosts.values()].map((h) => {
      const directGroups = direct.get(h.name) ?? [];
      const names = new Set<string>(directGroups);
      for (const g of directGroups) for (const a of ancestors(g)) names.add(a);
      names.delete('all');
      const ordered = [...names].sort((a, b) => (depth.get(a) ?? 1) - (depth.get(b) ?? 1) || a.localeCompare(b));
      const vars = new Map<string, VarValue>();
      const secretFrom = new Map<string, string>();
      const apply = (source: { vars: Map<string, VarValue>; secrets: Set<string> }, from: string) => {
        for (const [k, v] of source.vars) {
          vars.set(k, v);
          secretFrom.delete(k);
        }
        for (const s of source.secrets) {
          vars.delete(s);
          secretFrom.set(s, from);
        }
      };
      if (all) apply(all, 'group all');
      for (const g of ordered) apply(this.groups.get(g)!, `group ${g}`);
      apply(h, 'host');
      return {
        name: h.name,
        line: h.line,
        vars,
        groups: ordered.map((name) => ({ name, depth: depth.get(name) ?? 1, direct: directGroups.includes(name) })),
        skipped: [...secretFrom].map(([variable, from]) => ({ host: h.name, variable, from })),
        errors: [],
      };
    });
  }
}
