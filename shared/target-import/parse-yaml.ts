import { parseDocument, type ScalarTag } from 'yaml';
import { expandHostPattern } from './host-range';
import { InventoryBuilder, type SourceHost, type VarValue } from './inventory';
import { InventoryError } from './limits';

/** `!vault |` values become a marker at once: the encrypted text is never kept. */
const vaultTag: ScalarTag = { tag: '!vault', resolve: () => '$ANSIBLE_VAULT (vaulted value)' };
/** Ansible's `!unsafe` only means "do not template": the text itself. */
const unsafeTag: ScalarTag = { tag: '!unsafe', resolve: (s: string) => s };

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readGroup(b: InventoryBuilder, name: string, body: unknown, seen: Set<string>): void {
  b.group(name);
  if (body === null || body === undefined) return;
  if (!isMap(body)) throw new InventoryError(`group "${name}" must be a map of hosts, vars and children`);
  for (const key of Object.keys(body)) {
    if (key !== 'hosts' && key !== 'vars' && key !== 'children')
      throw new InventoryError(`group "${name}" has "${key}"; only hosts, vars and children are known`);
  }
  const { hosts, vars, children } = body;
  if (hosts !== null && hosts !== undefined) {
    if (!isMap(hosts)) throw new InventoryError(`hosts of group "${name}" must be a map (host: vars)`);
    for (const [pattern, hostVars] of Object.entries(hosts)) {
      if (hostVars !== null && hostVars !== undefined && !isMap(hostVars))
        throw new InventoryError(`host "${pattern}" in group "${name}" must have a map of variables or nothing`);
      for (const hostName of expandHostPattern(pattern)) {
        const h = b.addHostToGroup(name, hostName, null);
        for (const [k, v] of Object.entries(hostVars ?? {})) b.setVar(h, k, v as VarValue);
      }
    }
  }
  if (vars !== null && vars !== undefined) {
    if (!isMap(vars)) throw new InventoryError(`vars of group "${name}" must be a map`);
    const g = b.group(name);
    for (const [k, v] of Object.entries(vars)) b.setVar(g, k, v as VarValue);
  }
  if (children !== null && children !== undefined) {
    if (!isMap(children)) throw new InventoryError(`children of group "${name}" must be a map of groups`);
    if (seen.has(name)) throw new InventoryError(`group "${name}" is its own ancestor`);
    if (seen.size >= 500) throw new InventoryError('groups are nested more than 500 deep');
    const below = new Set(seen).add(name);
    for (const [child, childBody] of Object.entries(children)) {
      b.addChild(name, child, null);
      readGroup(b, child, childBody, below);
    }
  }
}

/** An Ansible YAML inventory: `all:` (or other top-level groups) with hosts, vars and children. */
export function parseAnsibleYaml(text: string): SourceHost[] {
  const doc = parseDocument(text, { customTags: [vaultTag, unsafeTag], prettyErrors: true });
  const error = doc.errors[0];
  if (error) throw new InventoryError(`not valid YAML: ${error.message.split('\n')[0]}`, error.linePos?.[0].line ?? null);
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMap(root)) throw new InventoryError('a YAML inventory is a map of groups (all: hosts / children / vars)');
  const b = new InventoryBuilder();
  b.group('all');
  for (const [name, body] of Object.entries(root)) {
    if (name !== 'all') b.addChild('all', name, null);
    readGroup(b, name, body, new Set());
  }
  return b.finish();
}
