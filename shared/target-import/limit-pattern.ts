import type { SourceHost } from './inventory';

/**
 * Ansible's basic `--limit` forms over an inventory's hosts: a host or group name, `*` wildcards
 * (in either), `a:b` (or `a,b`) union, `a:&b` intersection, `a:!b` exclusion. Unions come first,
 * then intersections, then exclusions, as in Ansible. Regex (`~`) and index (`[0]`) forms are not
 * supported and are refused.
 */
export function limitHosts(hosts: readonly SourceHost[], pattern: string): SourceHost[] {
  const parts = pattern
    .split(/[:,]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new Error('--limit is empty');
  const union: string[] = [];
  const intersect: string[] = [];
  const exclude: string[] = [];
  for (const part of parts) {
    if (part.startsWith('&')) intersect.push(part.slice(1));
    else if (part.startsWith('!')) exclude.push(part.slice(1));
    else union.push(part);
  }
  for (const p of [...union, ...intersect, ...exclude]) {
    if (p.length === 0 || p.startsWith('~') || /[[\]]/.test(p)) throw new Error(`--limit form not supported: "${p}"`);
  }
  const matches = (host: SourceHost, p: string): boolean => {
    const re = new RegExp(
      `^${p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return re.test(host.name) || host.groups.some((g) => re.test(g.name)) || p === 'all';
  };
  return hosts.filter(
    (h) =>
      (union.length === 0 || union.some((p) => matches(h, p))) &&
      intersect.every((p) => matches(h, p)) &&
      !exclude.some((p) => matches(h, p)),
  );
}
