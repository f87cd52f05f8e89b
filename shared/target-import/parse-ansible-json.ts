import { InventoryBuilder, type SourceHost, type VarValue } from './inventory';
import { InventoryError } from './limits';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function names(v: unknown, what: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new InventoryError(`${what} must be a list of names`);
  return v as string[];
}

/**
 * The JSON of `ansible-inventory --list` (or a dynamic inventory script): groups with `hosts`,
 * `children` and `vars`, and every host's variables under `_meta.hostvars` (group vars already merged).
 */
export function parseAnsibleJson(text: string): SourceHost[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new InventoryError(`not valid JSON: ${(error as Error).message.slice(0, 120)}`);
  }
  if (!isMap(root)) throw new InventoryError('an inventory in JSON is an object of groups');
  const b = new InventoryBuilder();
  b.group('all');
  const meta = root._meta;
  const hostvars = isMap(meta) && isMap(meta.hostvars) ? meta.hostvars : {};
  for (const [name, body] of Object.entries(root)) {
    if (name === '_meta') continue;
    // A script may list a group as a bare array of hosts.
    const group = Array.isArray(body) ? { hosts: body } : body;
    if (!isMap(group)) throw new InventoryError(`group "${name}" must be an object`);
    b.group(name);
    for (const child of names(group.children, `children of group "${name}"`)) b.addChild(name, child, null);
    for (const host of names(group.hosts, `hosts of group "${name}"`)) b.addHostToGroup(name, host, null);
    if (isMap(group.vars)) for (const [k, v] of Object.entries(group.vars)) b.setVar(b.group(name), k, v as VarValue);
  }
  for (const [host, vars] of Object.entries(hostvars)) {
    if (!isMap(vars)) continue;
    const h = b.host(host, null);
    for (const [k, v] of Object.entries(vars)) b.setVar(h, k, v as VarValue);
  }
  return b.finish();
}
