import { defined, type SectionDraft } from './goss-host-sections';
import { SkipResource, type ResourceReader } from './goss-reader';

/** Goss time limits are in milliseconds; Outpost's in seconds. */
function timeoutSeconds(r: ResourceReader): number | undefined {
  const ms = r.int('timeout');
  return ms === undefined ? undefined : ms / 1000;
}

/** `tcp:22`, `tcp6:22`, `udp:53`, `udp6:53`, or a bare `22` (tcp). */
export function portSection(r: ResourceReader): SectionDraft[] {
  const match = /^(?:(tcp6?|udp6?):)?(\d{1,5})$/.exec(r.key.trim());
  if (!match) {
    r.raw('listening');
    r.raw('ip');
    throw new SkipResource('not a port: write it as tcp:22, tcp6:22, udp:53 or udp6:53');
  }
  const protocol = match[1] ?? 'tcp';
  const port = Number(match[2]);
  const listening = r.bool('listening') ?? true;
  const ips = r.list('ip');
  const label = `${protocol} port ${port}`;
  if (!listening || !ips || ips.length === 0) {
    if (!listening) r.ignore('ip', 'Not checked for a port that must not listen');
    return [{ kind: 'port', description: `${label} ${listening ? 'listening' : 'not listening'}`, params: { port, protocol, listening } }];
  }
  return ips.map((address) => ({ kind: 'port', description: `${label} listening on ${address}`, params: { port, protocol, address, listening } }));
}

export function commandSection(r: ResourceReader): SectionDraft[] {
  // Goss v0.4 may name the resource and give the command in `exec`.
  const exec = r.text('exec');
  const command = exec ?? r.key;
  const exitStatus = r.int('exit-status');
  r.ignore('stderr', 'Outpost checks standard output only');
  const params = defined({ command, exitStatus, stdout: r.list('stdout'), timeoutSeconds: timeoutSeconds(r) });
  return [{ kind: 'command', description: exec ? r.key : `Command "${command}" exits ${exitStatus ?? 0}`, params }];
}

export function httpSection(r: ResourceReader): SectionDraft[] {
  for (const name of ['headers', 'request-headers', 'request-body', 'method', 'username', 'password', 'no-follow-redirects', 'ca-file', 'cert-file', 'key-file', 'proxy']) {
    r.ignore(name, `Outpost does not use "${name}" (a GET request, redirects followed)`);
  }
  const status = r.int('status');
  const params = defined({ url: r.key, status, body: r.list('body'), allowInsecure: r.bool('allow-insecure'), timeoutSeconds: timeoutSeconds(r) });
  return [{ kind: 'http', description: `${r.key} answers ${status ?? 200}`, params }];
}

/** `tcp://host:port` or `udp://host:port` (IPv6 hosts in brackets). */
export function addrSection(r: ResourceReader): SectionDraft[] {
  const match = /^(tcp|udp):\/\/(\[[0-9A-Fa-f:.]+\]|[^:/\s]+):(\d{1,5})$/.exec(r.key.trim());
  if (!match) {
    r.raw('reachable');
    r.raw('timeout');
    throw new SkipResource('not an address: write it as tcp://host:port or udp://host:port');
  }
  r.ignore('local-address', 'Outpost connects from the default address');
  const reachable = r.bool('reachable') ?? true;
  const host = match[2]!.replace(/^\[|\]$/g, '');
  const params = defined({ host, port: Number(match[3]), protocol: match[1], reachable, timeoutSeconds: timeoutSeconds(r) });
  return [{ kind: 'addr', description: `${r.key} ${reachable ? 'reachable' : 'not reachable'}`, params }];
}

/** A name, or `A:name` / `AAAA:name`; other record types are skipped. */
export function dnsSection(r: ResourceReader): SectionDraft[] {
  const typed = /^([A-Za-z]+):(.+)$/.exec(r.key.trim());
  if (typed && !['A', 'AAAA'].includes(typed[1]!.toUpperCase())) {
    for (const name of ['resolvable', 'resolveable', 'addrs', 'timeout', 'server']) r.raw(name);
    throw new SkipResource(`${typed[1]!.toUpperCase()} records are not checked: Outpost resolves addresses only`);
  }
  const name = typed ? typed[2]! : r.key;
  // `resolveable` is Goss's old spelling.
  const resolvable = r.bool('resolvable') ?? r.bool('resolveable') ?? true;
  r.ignore('server', "Outpost asks the target's own resolver");
  const params = defined({ name, resolvable, addresses: r.list('addrs'), timeoutSeconds: timeoutSeconds(r) });
  return [{ kind: 'dns', description: `${name} ${resolvable ? 'resolves' : 'does not resolve'}`, params }];
}
