import fs from 'node:fs';
import path from 'node:path';
import type { SourceHost, VarValue } from '../../../shared/target-import/inventory';
import { limitHosts } from '../../../shared/target-import/limit-pattern';
import { AdhocInputError } from './adhoc-input-error';
import { inventoryText, readInventory } from '../../target-import/read-inventory';

/** One machine of an ad-hoc check, from --target, --targets or an Ansible inventory. */
export interface AdhocTarget {
  /** How the reports name it: the spec as given, or the inventory host name. */
  label: string;
  host: string;
  port: number;
  /** null: --target without `user@` and no ansible_user (the local user name is used). */
  user: string | null;
  /** ansible_become=true in the inventory (--sudo sets it for every host). */
  sudo: boolean;
  /** ansible_ssh_private_key_file / ansible_private_key_file, when --identity is not given. */
  identityFile: string | null;
  /** outpost_role in the inventory: requirements of a plan template with that role apply. */
  role: string | null;
}

export { AdhocInputError };

const HOST_NAME = /^[A-Za-z0-9._-]{1,253}$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const USER = /^[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}$/;

function port(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n < 1 || n > 65535) throw new AdhocInputError(`${what}: the port must be a number from 1 to 65535`);
  return n;
}

/** `user@host[:port]`, `host`, `user@[2001:db8::1]:2222` (brackets needed for an IPv6 address with a port). */
export function parseTargetSpec(spec: string): AdhocTarget {
  const text = spec.trim();
  const at = text.lastIndexOf('@');
  const user = at >= 0 ? text.slice(0, at) : null;
  const rest = at >= 0 ? text.slice(at + 1) : text;
  if (user !== null && !USER.test(user)) throw new AdhocInputError(`--target ${spec}: "${user}" is not a user name`);
  let host: string;
  let portNumber = 22;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2] !== undefined) portNumber = port(bracketed[2], `--target ${spec}`);
    if (!IPV6.test(host)) throw new AdhocInputError(`--target ${spec}: "${host}" is not an IPv6 address`);
  } else if ((rest.match(/:/g) ?? []).length > 1) {
    host = rest;
    if (!IPV6.test(host)) throw new AdhocInputError(`--target ${spec}: "${host}" is not an address`);
  } else {
    const [name, p] = rest.split(':');
    host = name!;
    if (p !== undefined) portNumber = port(p, `--target ${spec}`);
    if (!HOST_NAME.test(host)) throw new AdhocInputError(`--target ${spec}: "${host}" is not a host name or address`);
  }
  return { label: text, host, port: portNumber, user, sudo: false, identityFile: null, role: null };
}

/** A --targets file: one `user@host[:port]` per line; blank lines and `#` comments are ignored. */
export function readTargetsFile(file: string): AdhocTarget[] {
  const text = readSmallFile(file, '--targets');
  const targets: AdhocTarget[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    try {
      targets.push(parseTargetSpec(line));
    } catch (error) {
      throw new AdhocInputError(`${file}:${index + 1}: ${(error as Error).message.replace(/^--target /, '')}`);
    }
  });
  return targets;
}

function readSmallFile(file: string, flag: string): string {
  try {
    return inventoryText(fs.readFileSync(file), path.basename(file));
  } catch (error) {
    throw new AdhocInputError(
      `${flag} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

const varText = (vars: Map<string, VarValue>, ...names: string[]): string | null => {
  for (const name of names) {
    const v = vars.get(name);
    if (v !== undefined && v !== null && typeof v !== 'object') return String(v);
  }
  return null;
};

/** Ansible's booleans (`true`, `yes`, `1`, `on`, any case). */
const truthy = (value: string | null) => value !== null && /^(true|yes|on|1)$/i.test(value.trim());

/**
 * The hosts of an Ansible inventory (INI, YAML or `ansible-inventory --list` JSON; the reader of
 * the planning target import), narrowed by an Ansible `--limit` pattern. Uses ansible_host,
 * ansible_port, ansible_user (and their ansible_ssh_* spellings), ansible_become,
 * ansible_ssh_private_key_file and outpost_role; secrets in the file are never read.
 */
export function readInventoryTargets(file: string, limit: string | undefined): AdhocTarget[] {
  const text = readSmallFile(file, '--inventory');
  let hosts: SourceHost[];
  try {
    hosts = readInventory(text, path.basename(file), undefined, undefined).hosts;
    if (limit !== undefined) hosts = limitHosts(hosts, limit);
  } catch (error) {
    throw new AdhocInputError(`--inventory ${file}: ${(error as Error).message}`);
  }
  return hosts.map((h) => {
    const address = varText(h.vars, 'ansible_host', 'ansible_ssh_host') ?? h.name;
    const portText = varText(h.vars, 'ansible_port', 'ansible_ssh_port');
    const key = varText(h.vars, 'ansible_ssh_private_key_file', 'ansible_private_key_file');
    return {
      label: h.name,
      host: address.replace(/^\[|\]$/g, ''),
      port: portText === null ? 22 : port(portText, `--inventory ${file}: host ${h.name}`),
      user: varText(h.vars, 'ansible_user', 'ansible_ssh_user'),
      sudo: truthy(varText(h.vars, 'ansible_become')),
      identityFile: key,
      role: varText(h.vars, 'outpost_role'),
    };
  });
}

/** Report labels must tell hosts apart and be usable as ids; duplicates get `#2`, `#3`. */
export function distinctLabels(targets: readonly AdhocTarget[]): AdhocTarget[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const n = (seen.get(t.label) ?? 0) + 1;
    seen.set(t.label, n);
    return n === 1 ? t : { ...t, label: `${t.label}#${n}` };
  });
}
