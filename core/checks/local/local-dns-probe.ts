import dns from 'node:dns';
import net from 'node:net';
import type { ProbeResult } from '../../../shared/checks/facts';
import { dnsServer } from '../remote/probe-payload';

/**
 * Goss's `dns` resource on this machine. A name with no type and no server goes through the
 * system resolver (getaddrinfo, as the remote probe's getent); a record type or a `server` is asked
 * of that server (else the system's) with Node's resolver, each record written as Goss writes it
 * (`10 mail.example.com.`, `0 5 443 a.example.com.`, `0 issue letsencrypt.org`).
 */
export async function localDnsProbe(name: string, type: string, server: string, timeoutMs: number): Promise<ProbeResult> {
  if (type === '' && server === '') {
    return withTimeout(dns.promises.lookup(name, { all: true }), timeoutMs).then(
      (all): ProbeResult => ({ kind: 'dns', addresses: [...new Set(all.map((a) => a.address))], error: null }),
      (e: Error): ProbeResult => ({ kind: 'dns', addresses: [], error: e.message }),
    );
  }
  try {
    const resolver = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
    if (server !== '') resolver.setServers([await serverAddress(server)]);
    const records = await withTimeout(lookupRecords(resolver, name, type), timeoutMs + 500);
    return { kind: 'dns', addresses: records, error: null };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // No such name or no record of the type: Goss's "not resolvable", not a probe error.
    const missing = e.code === dns.NOTFOUND || e.code === dns.NODATA;
    return { kind: 'dns', addresses: [], error: missing ? null : e.message };
  }
}

const dotted = (n: string): string => (n.endsWith('.') ? n : `${n}.`);

async function lookupRecords(r: dns.promises.Resolver, name: string, type: string): Promise<string[]> {
  switch (type) {
    case '': {
      // Goss's LookupHost asked of a server: A and AAAA records together.
      const [v4, v6] = await Promise.allSettled([r.resolve4(name), r.resolve6(name)]);
      const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
      if (found.length === 0 && v4.status === 'rejected') throw v4.reason;
      return found;
    }
    case 'A':
      return r.resolve4(name);
    case 'AAAA':
      return r.resolve6(name);
    case 'CNAME':
      return (await r.resolveCname(name)).map(dotted);
    case 'MX':
      return (await r.resolveMx(name)).map((m) => `${m.priority} ${dotted(m.exchange)}`);
    case 'NS':
      return (await r.resolveNs(name)).map(dotted);
    case 'PTR':
      return (await r.reverse(name)).map(dotted);
    case 'SRV':
      return (await r.resolveSrv(name)).map((s) => `${s.priority} ${s.weight} ${s.port} ${dotted(s.name)}`);
    case 'TXT':
      return (await r.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'CAA':
      return (await r.resolveCaa(name)).map((c) => {
        const [tag, value] = Object.entries(c).find(([k]) => k !== 'critical') ?? ['', ''];
        return `${c.critical} ${tag} ${String(value)}`;
      });
    default:
      throw new Error(`${type} records are not checked`);
  }
}

/** Node's resolver takes addresses only: a server given by name is looked up first. */
async function serverAddress(server: string): Promise<string> {
  const [host, port] = dnsServer(server);
  const address = net.isIP(host) ? host : (await dns.promises.lookup(host)).address;
  if (!port) return address;
  return net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('Timed out')), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
