import { execFile } from 'node:child_process';
import fs from 'node:fs';
import si from 'systeminformation';
import type { Facts } from '../../../shared/checks/facts';
import type { ProbeRequest } from '../collector-types';
import { parsePackages, parseServices } from '../remote/parse-system-sections';
import { answerLocalProbes } from './local-probes';
import { localDistributionVersion } from './local-distribution-version';

/**
 * This machine's facts from `systeminformation` (OS, CPU, memory, file systems, hardware, network,
 * listening ports, processes, time), plus packages from dpkg-query/rpm and services from systemctl
 * (which systeminformation does not give). Runs inside the local-facts worker: several of these
 * calls block. Each call has its own time limit; a call that fails or runs late is recorded in
 * `unreadable` and its facts stay empty.
 */
export async function gatherLocalFacts(probes: readonly ProbeRequest[], callLimitMs: number): Promise<Facts> {
  const started = Date.now();
  const collectedAt = new Date(started).toISOString();
  const unreadable: Facts['unreadable'] = [];
  const call = async <T>(fact: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${callLimitMs} ms`)), callLimitMs);
        }),
      ]);
    } catch (error) {
      unreadable.push({
        fact,
        reason: (error as Error).message,
        needsPrivilege: /EACCES|EPERM|permission denied/i.test((error as Error).message),
      });
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };
  // Services only where systemd runs (sd_booted), as in the remote probe.
  const systemd = fs.existsSync('/run/systemd/system');
  if (!systemd)
    unreadable.push({
      fact: 'services',
      reason: 'systemd is not running on this machine (not booted with systemd)',
      needsPrivilege: false,
    });
  const exec = (command: string, args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(command, args, { timeout: callLimitMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error((stderr || error.message).trim().split('\n')[0])) : resolve(stdout),
      ),
    );

  const [
    osInfo,
    cpu,
    mem,
    fsSize,
    system,
    baseboard,
    ifaces,
    connections,
    processes,
    time,
    dpkg,
    rpm,
    units,
    unitFiles,
    timedatectl,
    probeAnswers,
  ] = await Promise.all([
    call('os', () => si.osInfo(), null),
    call('cpu', () => si.cpu(), null),
    call('memory', () => si.mem(), null),
    call('mounts', () => si.fsSize(), []),
    call('hardware', () => si.system(), null),
    call('hardware.boardSerial', () => si.baseboard(), null),
    call('network', () => si.networkInterfaces(), []),
    call('ports', () => si.networkConnections(), []),
    call('processes', () => si.processes(), null),
    call('clock', async () => si.time(), null),
    call(
      'packages',
      () => exec('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n']).catch(() => undefined),
      undefined,
    ),
    call(
      'packages',
      () => exec('rpm', ['-qa', '--qf', '%{NAME}\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\t%{ARCH}\n']).catch(() => undefined),
      undefined,
    ),
    systemd
      ? call(
          'services.active',
          () => exec('systemctl', ['list-units', '--type=service', '--all', '--no-legend', '--no-pager', '--plain']),
          undefined,
        )
      : undefined,
    systemd
      ? call('services.enabled', () => exec('systemctl', ['list-unit-files', '--type=service', '--no-legend', '--no-pager']), undefined)
      : undefined,
    call('clock.synchronized', () => exec('timedatectl', ['show']), undefined),
    answerLocalProbes(probes),
  ]);
  if (dpkg === undefined && rpm === undefined)
    unreadable.push({ fact: 'packages', reason: 'Neither dpkg-query nor rpm answered', needsPrivilege: false });

  const readable = (value: string | undefined | null): string | null =>
    value && value.trim() && value.trim() !== '-' && !/^(default string|to be filled|none)$/i.test(value.trim()) ? value.trim() : null;
  const root = process.getuid?.() === 0;
  const serial = readable(system?.serial);
  const boardSerial = readable(baseboard?.serial);
  for (const [fact, value] of [
    ['hardware.serial', serial],
    ['hardware.boardSerial', boardSerial],
  ] as const) {
    if (value === null)
      unreadable.push({
        fact,
        reason: root ? 'Not reported by this machine' : 'Reading serial numbers needs root (dmidecode or /sys/class/dmi)',
        needsPrivilege: !root,
      });
  }
  const family =
    osInfo?.platform === 'linux'
      ? 'linux'
      : osInfo?.platform === 'darwin'
        ? 'darwin'
        : osInfo?.platform === 'win32'
          ? 'windows'
          : 'unknown';
  const archMap: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', arm: 'armv7l' };
  const ports: Facts['ports'] = connections
    .filter((c) => c.state === 'LISTEN' || (c.protocol.startsWith('udp') && !c.peerAddress?.match(/[1-9]/)))
    .map((c) => ({
      protocol: (c.protocol.startsWith('udp')
        ? c.localAddress.includes(':')
          ? 'udp6'
          : 'udp'
        : c.localAddress.includes(':')
          ? 'tcp6'
          : 'tcp') as Facts['ports'][number]['protocol'],
      address: c.localAddress.replace(/^\[|\]$/g, ''),
      port: Number(c.localPort),
      process: c.process || null,
    }))
    .filter((p) => Number.isInteger(p.port));
  const now = Date.now();
  return {
    source: 'local',
    collectedAt,
    durationMs: now - started,
    hostName: osInfo?.hostname ?? null,
    os: {
      family,
      distribution: osInfo?.logofile ? osInfo.logofile.toLowerCase() : null,
      distributionName: osInfo?.distro ?? null,
      version: osInfo?.release ?? null,
      distributionVersion: family === 'linux' ? localDistributionVersion(osInfo?.release ?? null) : (osInfo?.release ?? null),
      kernel: osInfo?.kernel ?? null,
      architecture: osInfo ? (archMap[osInfo.arch] ?? osInfo.arch) : null,
    },
    cpu: {
      model: cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() || null : null,
      cores: cpu?.physicalCores ?? null,
      threads: cpu?.cores ?? null,
    },
    memory: { totalBytes: mem?.total ?? null, availableBytes: mem?.available ?? null },
    mounts: fsSize.map((f) => ({
      mount: f.mount,
      device: f.fs,
      fsType: f.type,
      sizeBytes: f.size,
      freeBytes: f.available,
      usePercent: Math.round(f.use ?? 0),
    })),
    hardware: { vendor: readable(system?.manufacturer), model: readable(system?.model), serial, boardSerial },
    network: ifaces.map((i) => ({
      name: i.iface,
      mac: readable(i.mac),
      addresses: [withPrefix(i.ip4, i.ip4subnet), withPrefix(i.ip6, i.ip6subnet)].filter((a): a is string => a !== null),
    })),
    packages: parsePackages(dpkg, rpm),
    services: parseServices(units, unitFiles),
    ports,
    processes: (processes?.list ?? []).map((p) => ({ pid: p.pid, name: p.name, command: `${p.command}${p.params ? ` ${p.params}` : ''}` })),
    clock: {
      time: time ? new Date(time.current).toISOString() : null,
      offsetSeconds: 0,
      synchronized: timedatectl ? /^NTPSynchronized=yes$/m.test(timedatectl) : null,
      source: timedatectl ? 'timedatectl' : null,
    },
    probes: probeAnswers,
    unreadable,
  };
}

/** `10.0.0.2` + `255.255.255.0` → `10.0.0.2/24` (the form `ip -o addr` gives on remote targets). */
function withPrefix(address: string, mask: string): string | null {
  if (!address) return null;
  let bits = 0;
  if (mask.includes('.')) for (const part of mask.split('.')) bits += Number(part).toString(2).replace(/0/g, '').length;
  else for (const part of mask.split(':')) bits += part ? parseInt(part, 16).toString(2).replace(/0/g, '').length : 0;
  return mask ? `${address}/${bits}` : address;
}
