import type { Facts } from '../../../shared/checks/facts';

/** Parsers for the raw command sections of the probe (Debian/Ubuntu and RHEL-family output). */

export function parseCpuinfo(text: string): Facts['cpu'] {
  let threads = 0;
  let model: string | null = null;
  const pairs = new Set<string>();
  let physical = '';
  const sockets = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [rawKey, ...rest] = line.split(':');
    const key = rawKey?.trim();
    const value = rest.join(':').trim();
    if (key === 'processor') threads += 1;
    else if (key === 'model name' && model === null) model = value;
    else if (key === 'physical id') physical = value;
    else if (key === 'core id') pairs.add(`${physical}/${value}`);
    else if (key === 'cpu cores') sockets.set(physical, Number(value));
  }
  const fromSockets = [...sockets.values()].reduce((a, b) => a + b, 0);
  const cores = pairs.size > 0 ? pairs.size : fromSockets > 0 ? fromSockets : threads;
  return { model, cores: threads > 0 ? cores : null, threads: threads > 0 ? threads : null };
}

export function parseDf(text: string): Facts['mounts'] {
  const mounts: Facts['mounts'] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 7) continue;
    const [device, fsType, size, , avail, capacity] = f;
    mounts.push({
      mount: f.slice(6).join(' '),
      device: device!,
      fsType: fsType!,
      sizeBytes: Number(size) * 1024,
      freeBytes: Number(avail) * 1024,
      usePercent: Number(String(capacity).replace('%', '')) || 0,
    });
  }
  return mounts;
}

export function parsePackages(dpkg: string | undefined, rpm: string | undefined): Facts['packages'] {
  const packages: Facts['packages'] = [];
  for (const line of (dpkg ?? '').split('\n')) {
    const [status, name, version, arch] = line.split('\t');
    if (!name || !version || !status || !/^[ih]i/.test(status)) continue;
    packages.push({ name, version, arch: arch?.trim() || null, manager: 'dpkg' });
  }
  for (const line of (rpm ?? '').split('\n')) {
    const [name, version, arch] = line.split('\t');
    if (!name || !version) continue;
    packages.push({ name, version, arch: arch && arch !== '(none)' ? arch.trim() : null, manager: 'rpm' });
  }
  return packages;
}

const ENABLED = new Set(['enabled', 'enabled-runtime', 'alias']);
const DISABLED = new Set(['disabled', 'masked', 'masked-runtime']);

export function parseServices(units: string | undefined, unitFiles: string | undefined): Facts['services'] {
  const byName = new Map<string, Facts['services'][number]>();
  const strip = (unit: string) => unit.replace(/\.service$/, '');
  for (const line of (units ?? '').split('\n')) {
    const [unit, , active, sub] = line.trim().split(/\s+/);
    if (!unit?.endsWith('.service') || !active) continue;
    byName.set(strip(unit), { name: strip(unit), active: active === 'active', enabled: null, state: sub ?? active });
  }
  for (const line of (unitFiles ?? '').split('\n')) {
    const [unit, state] = line.trim().split(/\s+/);
    if (!unit?.endsWith('.service') || !state || unit.includes('@.')) continue;
    const name = strip(unit);
    const enabled = ENABLED.has(state) ? true : DISABLED.has(state) ? false : null;
    const existing = byName.get(name);
    if (existing) existing.enabled = enabled;
    else byName.set(name, { name, active: false, enabled, state: 'inactive' });
  }
  return [...byName.values()];
}

export function parsePorts(text: string): Facts['ports'] {
  const ports: Facts['ports'] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || (f[0] !== 'tcp' && f[0] !== 'udp')) continue;
    const local = f[4]!;
    const cut = local.lastIndexOf(':');
    const address = local
      .slice(0, cut)
      .replace(/^\[|\]$/g, '')
      .replace(/%.*$/, '');
    const port = Number(local.slice(cut + 1));
    if (!Number.isInteger(port)) continue;
    const v6 = address.includes(':');
    const proc = /users:\(\("([^"]+)"/.exec(line);
    ports.push({ protocol: `${f[0]}${v6 ? '6' : ''}` as Facts['ports'][number]['protocol'], address, port, process: proc?.[1] ?? null });
  }
  return ports;
}

/** ARPHRD_ETHER in /sys/class/net/<name>/type: the interfaces `ip link` shows as link/ether. */
const ETHERNET = '1';

/**
 * Interfaces with their MAC (Ethernet only) and addresses, from `ip -o addr show` and either the
 * probe's /sys reading (`<name> <type> <address>` lines) or `ip -o link show` where there is none.
 */
export function parseAddresses(addr: string, link: string, macs?: string): Facts['network'] {
  const byName = new Map<string, Facts['network'][number]>();
  const get = (name: string) => {
    const clean = name.replace(/@.*$/, '').replace(/:$/, '');
    let entry = byName.get(clean);
    if (!entry) byName.set(clean, (entry = { name: clean, mac: null, addresses: [] }));
    return entry;
  };
  for (const line of (macs ?? '').split('\n')) {
    const [name, type, mac] = line.trim().split(/\s+/);
    if (!name) continue;
    const entry = get(name);
    if (type === ETHERNET && mac) entry.mac = mac;
  }
  for (const line of link.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2) continue;
    const entry = get(f[1]!);
    const at = f.indexOf('link/ether');
    if (at >= 0 && f[at + 1]) entry.mac = f[at + 1]!;
  }
  for (const line of addr.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || (f[2] !== 'inet' && f[2] !== 'inet6')) continue;
    get(f[1]!).addresses.push(f[3]!);
  }
  return [...byName.values()];
}

/**
 * The probe's /proc reading: `/proc/<pid>/comm:<name>` and `/proc/<pid>/cmdline:<arguments>` lines
 * (arguments NUL-separated; a line that does not start so continues the one before, an argument
 * that held a newline). Listed as ps lists them: by pid, the arguments joined with spaces, and
 * `[name]` for a process without arguments (a kernel thread).
 */
export function parseProcFiles(text: string): Facts['processes'] {
  const names = new Map<number, string>();
  const args = new Map<number, string>();
  let last: { pid: number; into: Map<number, string> } | null = null;
  for (const line of text.split('\n')) {
    const match = /^\/proc\/(\d+)\/(comm|cmdline):/.exec(line);
    if (!match) {
      if (last && line !== '') last.into.set(last.pid, `${last.into.get(last.pid) ?? ''}\n${line}`);
      continue;
    }
    last = { pid: Number(match[1]), into: match[2] === 'comm' ? names : args };
    last.into.set(last.pid, line.slice(match[0].length));
  }
  return [...names.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pid, name]) => {
      const command = (args.get(pid) ?? '').split('\0').filter(Boolean).join(' ');
      return { pid, name, command: command || `[${name}]` };
    });
}

export function parseProcesses(text: string): Facts['processes'] {
  const processes: Facts['processes'] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\S+)\s*(.*)$/.exec(line);
    if (match) processes.push({ pid: Number(match[1]), name: match[2]!, command: match[3] ?? '' });
  }
  return processes;
}
