import { expandHostPattern } from './host-range';
import { InventoryBuilder, type SourceHost, type VarValue } from './inventory';
import { InventoryError, TARGET_IMPORT_MAX_LINE } from './limits';

/** Splits a host line like POSIX shlex with comments (what Ansible's INI plugin uses). */
export function shlexSplit(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let token: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && (line[i + 1] === '"' || line[i + 1] === '\\')) token += line[++i]!;
      else token += c;
      continue;
    }
    if (/\s/.test(c)) {
      if (token !== null) out.push(token);
      token = null;
    } else if (c === '#' && token === null) {
      break;
    } else if (c === '"' || c === "'") {
      quote = c;
      token ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      token = (token ?? '') + line[++i]!;
    } else {
      token = (token ?? '') + c;
    }
  }
  if (quote) throw new InventoryError('no closing quotation', lineNo);
  if (token !== null) out.push(token);
  return out;
}

/** Ansible reads INI values as Python literals: a quoted string loses its quotes, a number stays text here. */
function iniValue(raw: string): VarValue {
  const v = raw.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** `host`, `host:2222`, `[::1]:2222`: the name and the port written with it. */
function splitHostPort(pattern: string): { name: string; port: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(pattern);
  if (bracketed && bracketed[1]!.includes(':')) return { name: bracketed[1]!, port: bracketed[2] ?? null };
  const m = /^([^:]+):(\d+)$/.exec(pattern);
  return m ? { name: m[1]!, port: m[2]! } : { name: pattern, port: null };
}

const SECTION = /^\[([^\]:\s]+)(?::(\w+))?\]\s*(?:[#;].*)?$/;

/** An Ansible static inventory in INI form: groups, `:children`, `:vars`, host ranges and inline host vars. */
export function parseAnsibleIni(text: string): SourceHost[] {
  const b = new InventoryBuilder();
  b.group('all');
  let section: { group: string; kind: 'hosts' | 'vars' | 'children' } = { group: 'ungrouped', kind: 'hosts' };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.length > TARGET_IMPORT_MAX_LINE) throw new InventoryError(`longer than ${TARGET_IMPORT_MAX_LINE} characters`, lineNo);
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const m = SECTION.exec(line);
      if (!m) throw new InventoryError(`not a section header: ${line.slice(0, 80)}`, lineNo);
      const kind = m[2] ?? 'hosts';
      if (kind !== 'hosts' && kind !== 'vars' && kind !== 'children')
        throw new InventoryError(`section [${m[1]}:${kind}]: only :vars and :children are known`, lineNo);
      section = { group: m[1]!, kind };
      b.group(section.group, lineNo);
      continue;
    }
    if (section.kind === 'children') {
      const [child] = shlexSplit(line, lineNo);
      if (child) b.addChild(section.group, child, lineNo);
      continue;
    }
    if (section.kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq <= 0) throw new InventoryError(`expected key=value in [${section.group}:vars]`, lineNo);
      b.setVar(b.group(section.group, lineNo), line.slice(0, eq).trim(), iniValue(line.slice(eq + 1)));
      continue;
    }
    const [pattern, ...pairs] = shlexSplit(line, lineNo);
    if (!pattern) continue;
    const { name, port } = splitHostPort(pattern);
    let names: string[];
    try {
      names = expandHostPattern(name);
    } catch (error) {
      if (error instanceof InventoryError) throw new InventoryError(error.message, lineNo);
      throw error;
    }
    const vars: [string, VarValue][] = [];
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new InventoryError(`expected key=value after the host name, found "${pair.slice(0, 40)}"`, lineNo);
      vars.push([pair.slice(0, eq), pair.slice(eq + 1)]);
    }
    if (port !== null) vars.push(['ansible_port', port]);
    for (const n of names) {
      const h = b.addHostToGroup(section.group, n, lineNo);
      for (const [k, v] of vars) b.setVar(h, k, v);
    }
  }
  return b.finish();
}
