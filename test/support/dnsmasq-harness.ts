// A real DNS server for the Goss `dns` tests: Debian's dnsmasq (package dnsmasq-base) on a free
// 127.0.0.1 port, answering only the records it is given (no upstream, no /etc/hosts), so `dig`
// on the check target (Debian bind9-dnsutils) reads every record type Goss knows from a real peer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { freePort } from './free-port';

export const DNSMASQ = '/usr/sbin/dnsmasq';

/** The records to serve; names without a trailing dot. */
export interface DnsZone {
  hosts?: { name: string; addresses: string[] }[];
  cnames?: { name: string; target: string }[];
  mx?: { name: string; host: string; preference: number }[];
  srv?: { name: string; target: string; port: number; priority: number; weight: number }[];
  txt?: { name: string; text: string }[];
  /** `address` as written (8.8.8.8); the reverse name is made here. */
  ptr?: { address: string; name: string }[];
  caa?: { name: string; flags: number; tag: string; value: string }[];
  ns?: { name: string; server: string }[];
}

export interface DnsServer {
  host: '127.0.0.1';
  port: number;
  stop(): Promise<void>;
}

/** Why the DNS tests cannot run here, or null. */
export function dnsUnavailableReason(): string | null {
  if (!fs.existsSync(DNSMASQ)) return `${DNSMASQ} is missing (install the Debian package dnsmasq-base)`;
  if (spawnSync('dig', ['-v']).error) return 'dig is missing (install the Debian package bind9-dnsutils)';
  return null;
}

/** A name in DNS wire format, as hex: dnsmasq's --dns-rr takes raw record data (used for NS). */
function wireName(name: string): string {
  return `${name
    .split('.')
    .map((label) => Buffer.from([label.length]).toString('hex') + Buffer.from(label, 'ascii').toString('hex'))
    .join('')}00`;
}

export function dnsmasqArgs(zone: DnsZone): string[] {
  return [
    ...(zone.hosts ?? []).map((h) => `--host-record=${[h.name, ...h.addresses].join(',')}`),
    ...(zone.cnames ?? []).map((c) => `--cname=${c.name},${c.target}`),
    ...(zone.mx ?? []).map((m) => `--mx-host=${m.name},${m.host},${m.preference}`),
    ...(zone.srv ?? []).map((s) => `--srv-host=${s.name},${s.target},${s.port},${s.priority},${s.weight}`),
    ...(zone.txt ?? []).map((t) => `--txt-record=${t.name},${t.text}`),
    ...(zone.ptr ?? []).map((p) => `--ptr-record=${p.address.split('.').reverse().join('.')}.in-addr.arpa,${p.name}`),
    ...(zone.caa ?? []).map((c) => `--caa-record=${c.name},${c.flags},${c.tag},${c.value}`),
    // dnsmasq has no NS option outside its authoritative mode: record type 2 with the name as data.
    ...(zone.ns ?? []).map((n) => `--dns-rr=${n.name},2,${wireName(n.server)}`),
  ];
}

async function waitForTcp(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dnsmasq exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`dnsmasq did not listen on ${port} within 10 s: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startDnsmasq(zone: DnsZone): Promise<DnsServer> {
  const reason = dnsUnavailableReason();
  if (reason) throw new Error(reason);
  const port = await freePort();
  const args = [
    '--keep-in-foreground',
    `--port=${port}`,
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--no-resolv',
    '--no-hosts',
    '--no-poll',
    '--conf-file=/dev/null',
    '--pid-file=',
    '--log-facility=-',
    ...dnsmasqArgs(zone),
  ];
  let log = '';
  const child = spawn(DNSMASQ, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  await waitForTcp(port, child, () => log);
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
