import { defined, plainBool, plainInt, type SectionDraft } from './goss-host-sections';
import { SkipResource, type ResourceReader } from './goss-reader';

/** Goss time limits are in milliseconds; Outpost's in seconds. */
function timeoutSeconds(r: ResourceReader): number | undefined {
  const ms = r.int('timeout');
  return ms === undefined ? undefined : ms / 1000;
}

/** Leaves out an attribute Outpost cannot honour, unless Goss rendered it empty (unset). */
function refuseUnlessEmpty(r: ResourceReader, name: string, reason: string): void {
  const v = r.raw(name);
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return;
  r.ignore(name, reason);
}

/** `tcp:22`, `tcp6:22`, `udp:53`, `udp6:53`, or a bare `22` (tcp). */
export function portSection(r: ResourceReader): SectionDraft[] {
  const key = r.name('port');
  const match = /^(?:(tcp6?|udp6?):)?(\d{1,5})$/.exec(key.trim());
  if (!match) {
    r.raw('listening');
    r.raw('ip');
    throw new SkipResource('not a port: write it as tcp:22, tcp6:22, udp:53 or udp6:53');
  }
  const protocol = match[1] ?? 'tcp';
  const port = Number(match[2]);
  const listening = r.bool('listening') ?? true;
  const label = `${protocol} port ${port}`;
  if (!listening) {
    refuseUnlessEmpty(r, 'ip', 'Not checked for a port that must not listen');
    return [{ kind: 'port', description: `${label} not listening`, params: { port, protocol, listening } }];
  }
  const ips = r.list('ip');
  const matchers = r.kept();
  if (matchers || !ips || ips.length === 0)
    return [{ kind: 'port', description: `${label} listening`, params: defined({ port, protocol, listening, matchers }) }];
  return ips.map((address) => ({
    kind: 'port',
    description: `${label} listening on ${address}`,
    params: { port, protocol, address, listening },
  }));
}

/** Goss writes empty output as `""` (exactly empty); a list holds patterns; a map is a matcher. */
function output(r: ResourceReader, name: string): string[] | undefined {
  const v = r.raw(name);
  if (v === undefined) return undefined;
  if (typeof v === 'string') {
    r.keep(name);
    return undefined;
  }
  // A list of patterns (or `have-patterns`); any other matcher is kept by `list`.
  return r.list(name);
}

export function commandSection(r: ResourceReader): SectionDraft[] {
  // Goss v0.4 may name the resource and give the command in `exec`.
  const exec = r.text('exec');
  const command = exec ?? r.key;
  const exitStatus = plainInt(r, 'exit-status');
  const stdout = output(r, 'stdout');
  const stderr = output(r, 'stderr');
  // Patterns for stderr are judged through the matchers (Outpost's own field is for stdout).
  if (stderr !== undefined) r.matchers.stderr = stderr;
  const params = defined({ command, exitStatus, stdout, timeoutSeconds: timeoutSeconds(r), matchers: r.kept() });
  return [{ kind: 'command', description: exec ? r.key : `Command "${command}" exits ${exitStatus ?? 0}`, params }];
}

export function httpSection(r: ResourceReader): SectionDraft[] {
  const url = r.name('url');
  refuseUnlessEmpty(r, 'request-body', 'Outpost does not send a request body');
  refuseUnlessEmpty(r, 'username', 'Outpost does not keep credentials in requirements (basic auth)');
  refuseUnlessEmpty(r, 'password', 'Outpost does not keep credentials in requirements (basic auth)');
  for (const name of ['ca-file', 'cert-file', 'key-file'])
    refuseUnlessEmpty(r, name, `Outpost does not use client certificates or a custom CA ("${name}")`);
  refuseUnlessEmpty(r, 'proxy', "Outpost does not use a proxy: the request goes from the target's own network");
  const status = plainInt(r, 'status');
  const body = output(r, 'body');
  // `header` is an old spelling of `headers`.
  const headers = output(r, 'headers') ?? (r.has('headers') ? undefined : output(r, 'header'));
  if (r.matchers.header !== undefined) {
    r.matchers.headers = r.matchers.header;
    delete r.matchers.header;
  }
  if (headers !== undefined) r.matchers.headers = headers;
  const noFollow = r.bool('no-follow-redirects');
  const method = r.text('method')?.toUpperCase();
  const requestHeaders = r.list('request-headers');
  const params = defined({
    url,
    status,
    body,
    allowInsecure: r.bool('allow-insecure'),
    timeoutSeconds: timeoutSeconds(r),
    followRedirects: noFollow !== true,
    method: method === 'GET' ? undefined : method,
    requestHeaders: requestHeaders && requestHeaders.length > 0 ? requestHeaders : undefined,
    matchers: r.kept(),
  });
  return [{ kind: 'http', description: `${url} answers ${status ?? 200}`, params }];
}

/** `tcp://host:port` or `udp://host:port` (IPv6 hosts in brackets). */
export function addrSection(r: ResourceReader): SectionDraft[] {
  const address = r.name('address');
  const match = /^(tcp|udp):\/\/(\[[0-9A-Fa-f:.]+\]|[^:/\s]+):(\d{1,5})$/.exec(address.trim());
  if (!match) {
    r.raw('reachable');
    r.raw('timeout');
    throw new SkipResource('not an address: write it as tcp://host:port or udp://host:port');
  }
  refuseUnlessEmpty(r, 'local-address', 'Outpost connects from the default address');
  const reachable = plainBool(r, 'reachable') ?? true;
  const host = match[2]!.replace(/^\[|\]$/g, '');
  const params = defined({ host, port: Number(match[3]), protocol: match[1], reachable, timeoutSeconds: timeoutSeconds(r) });
  return [{ kind: 'addr', description: `${address} ${reachable ? 'reachable' : 'not reachable'}`, params }];
}

const DNS_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SRV', 'TXT'];

/** A name, or `TYPE:name` for A, AAAA, CAA, CNAME, MX, NS, PTR, SRV and TXT records. */
export function dnsSection(r: ResourceReader): SectionDraft[] {
  const key = r.name('resolve');
  const typed = /^([A-Za-z]+):(.+)$/.exec(key.trim());
  const type = typed?.[1]!.toUpperCase();
  if (type !== undefined && !DNS_TYPES.includes(type)) {
    for (const name of ['resolvable', 'resolveable', 'addrs', 'timeout', 'server']) r.raw(name);
    throw new SkipResource(`${type} records are not checked (Goss knows ${DNS_TYPES.join(', ')})`);
  }
  const name = typed ? typed[2]! : key;
  // `resolveable` is Goss's old spelling.
  const resolvable = plainBool(r, 'resolvable') ?? plainBool(r, 'resolveable') ?? true;
  const addrs = r.list('addrs');
  const server = r.text('server');
  const params = defined({
    name,
    resolvable,
    addresses: addrs && addrs.length > 0 ? addrs : undefined,
    timeoutSeconds: timeoutSeconds(r),
    type,
    server: server || undefined,
    matchers: r.kept(),
  });
  return [{ kind: 'dns', description: `${typed ? `${type} ` : ''}${name} ${resolvable ? 'resolves' : 'does not resolve'}`, params }];
}
