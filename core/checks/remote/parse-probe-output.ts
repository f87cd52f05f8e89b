import type { Facts, ProbeResult } from '../../../shared/checks/facts';
import { applyUnitAliases } from './parse-goss-probes';
import { parseOsRelease, parseProbeAnswer, parseSections, type Section } from './probe-sections';
import { distributionVersion } from '../../../shared/checks/os/distribution-version';
import {
  parseAddresses,
  parseCpuinfo,
  parseDf,
  parsePackages,
  parsePorts,
  parseProcesses,
  parseProcFiles,
  parseServices,
} from './parse-system-sections';

export interface ProbeOutputContext {
  nonce: string;
  /** The collecting device's clock (ms since epoch) when the probe started. */
  referenceEpochMs: number;
  collectedAt: string;
  durationMs: number;
  /** Answers for requests refused before sending. */
  refused?: Record<string, ProbeResult>;
  /** Requests sent, so a missing answer becomes an error result. */
  sentIds?: readonly string[];
}

export type ParsedProbe = { ok: true; facts: Facts } | { ok: false; reason: 'windows' | 'error'; message: string };

const FACT_OF_SECTION: Record<string, string> = {
  'os-release': 'os',
  cpuinfo: 'cpu',
  meminfo: 'memory',
  macs: 'network',
  df: 'mounts',
  dpkg: 'packages',
  rpm: 'packages',
  units: 'services.active',
  'unit-files': 'services.enabled',
  ports: 'ports',
  addr: 'network',
  link: 'network',
  timedatectl: 'clock',
  chrony: 'clock',
  ps: 'processes',
  proc: 'processes',
};

const WINDOWS =
  /not recognized as an internal or external command|is not recognized as the name of a cmdlet|Microsoft Windows|MINGW|MSYS_NT|CYGWIN_NT|Windows_NT/i;

const bodyOf = (sections: Section[], name: string): Section | undefined =>
  sections.find((s) => s.name === name && (s.status?.rc ?? 0) === 0);

/** Turns the probe script's output into Facts (or says it was a Windows host / not our probe). */
export function parseProbeOutput(stdout: string, stderr: string, ctx: ProbeOutputContext): ParsedProbe {
  const sections = parseSections(stdout, ctx.nonce);
  const meta = sections.find((s) => s.name === 'meta');
  if (!meta) {
    if (WINDOWS.test(`${stdout}\n${stderr}`)) return { ok: false, reason: 'windows', message: windowsMessage };
    return {
      ok: false,
      reason: 'error',
      message: `The probe did not run on the target: ${firstLine(stderr) || firstLine(stdout) || 'no output'}`,
    };
  }
  const m = meta.values;
  // `uname -s -n -r -m` as it printed it: kernel name, node name, kernel release, machine (none holds a space on Linux).
  const [unameS = '', nodeName = '', kernel = '', arch = ''] = (m.get('uname') ?? '').trim().split(/\s+/);
  if (WINDOWS.test(unameS)) return { ok: false, reason: 'windows', message: windowsMessage };

  const unreadable: Facts['unreadable'] = [];
  for (const s of sections) {
    if (s.status && s.status.rc !== 0) {
      unreadable.push({
        fact: FACT_OF_SECTION[s.name] ?? s.name,
        reason: s.status.err.trim() || `exit status ${s.status.rc}`,
        needsPrivilege: /permission denied|not permitted|must be root|access denied/i.test(s.status.err),
      });
    }
  }
  const noSystemd = sections.find((s) => s.name === 'services')?.values.get('unreadable');
  if (noSystemd) unreadable.push({ fact: 'services', reason: noSystemd, needsPrivilege: false });
  const osRelease = parseOsRelease(bodyOf(sections, 'os-release')?.body ?? '');
  const release = sections.find((s) => s.name === 'release')?.values;
  const cpu = parseCpuinfo(bodyOf(sections, 'cpuinfo')?.body ?? '');
  const meminfo = bodyOf(sections, 'meminfo')?.body ?? '';
  const kb = (key: string): number | null => {
    const match = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(meminfo);
    return match ? Number(match[1]) * 1024 : null;
  };
  const dmi = sections.find((s) => s.name === 'dmi')?.values ?? new Map<string, string>();
  const dmiValue = (key: string, fact: string): string | null => {
    const raw = dmi.get(key);
    if (raw === undefined || raw === '!missing') {
      unreadable.push({ fact, reason: 'Not present on this machine (no /sys/class/dmi)', needsPrivilege: false });
      return null;
    }
    if (raw === '!denied') {
      unreadable.push({ fact, reason: `Reading /sys/class/dmi/id/${key} needs root (use sudo)`, needsPrivilege: true });
      return null;
    }
    return decode(raw).trim() || null;
  };
  const packages = parsePackages(bodyOf(sections, 'dpkg')?.body, bodyOf(sections, 'rpm')?.body);
  const services = applyUnitAliases(
    parseServices(bodyOf(sections, 'units')?.body, bodyOf(sections, 'unit-files')?.body),
    sections.find((s) => s.name === 'unit-aliases')?.body,
  );
  const timedatectl = bodyOf(sections, 'timedatectl')?.body;
  const chrony = bodyOf(sections, 'chrony')?.body;
  const epochMs = epochMsOf(m.get('epoch_ms') ?? '');
  // Processes from the probe's /proc reading, or from ps where the target has no /proc.
  const proc = bodyOf(sections, 'proc');
  const probes: Record<string, ProbeResult> = { ...(ctx.refused ?? {}) };
  for (const s of sections.filter((x) => x.name === 'probe')) {
    const id = decode(s.values.get('id') ?? '');
    if (id) probes[id] = parseProbeAnswer(s.values);
  }
  for (const id of ctx.sentIds ?? []) {
    probes[id] ??= {
      kind: 'error',
      message: 'The target gave no answer for this requirement (the probe ended early)',
      needsPrivilege: false,
    };
  }
  if (!sections.some((s) => s.name === 'end'))
    unreadable.push({ fact: 'probe', reason: 'The probe output ended early', needsPrivilege: false });

  const facts: Facts = {
    source: 'ssh',
    collectedAt: ctx.collectedAt,
    durationMs: ctx.durationMs,
    hostName: nodeName || null,
    os: {
      family: /linux/i.test(unameS) ? 'linux' : /darwin/i.test(unameS) ? 'darwin' : 'unknown',
      distribution: osRelease.get('ID')?.toLowerCase() ?? null,
      distributionName: osRelease.get('NAME') ?? null,
      version: osRelease.get('VERSION_ID') ?? null,
      distributionVersion: distributionVersion({
        id: osRelease.get('ID') ?? null,
        versionId: osRelease.get('VERSION_ID') ?? null,
        debianVersion: release?.get('debian_version') ?? null,
        redhatRelease: release?.get('redhat-release') ?? null,
      }),
      kernel: kernel || null,
      architecture: arch || null,
    },
    cpu,
    memory: { totalBytes: kb('MemTotal'), availableBytes: kb('MemAvailable') },
    mounts: parseDf(bodyOf(sections, 'df')?.body ?? ''),
    hardware: {
      vendor: dmiValue('sys_vendor', 'hardware.vendor'),
      model: dmiValue('product_name', 'hardware.model'),
      serial: dmiValue('product_serial', 'hardware.serial'),
      boardSerial: dmiValue('board_serial', 'hardware.boardSerial'),
    },
    network: parseAddresses(bodyOf(sections, 'addr')?.body ?? '', bodyOf(sections, 'link')?.body ?? '', bodyOf(sections, 'macs')?.body),
    packages,
    services,
    ports: parsePorts(bodyOf(sections, 'ports')?.body ?? ''),
    processes: proc ? parseProcFiles(proc.body) : parseProcesses(bodyOf(sections, 'ps')?.body ?? ''),
    clock: {
      time: Number.isFinite(epochMs) && epochMs > 0 ? new Date(epochMs).toISOString() : null,
      offsetSeconds: Number.isFinite(epochMs) && epochMs > 0 ? Math.round((epochMs - ctx.referenceEpochMs) / 10) / 100 : null,
      synchronized: timedatectl
        ? /^NTPSynchronized=yes$/m.test(timedatectl)
        : chrony
          ? !/Leap status\s*:\s*Not synchronised/i.test(chrony)
          : null,
      source: timedatectl ? 'timedatectl' : chrony ? 'chrony' : null,
    },
    probes,
    unreadable,
  };
  if (!timedatectl && !chrony)
    unreadable.push({ fact: 'clock.synchronized', reason: 'Neither timedatectl nor chronyc answered', needsPrivilege: false });
  return { ok: true, facts };
}

const windowsMessage =
  'The target answered as Windows. Checking Windows machines is not supported yet; only Linux targets (Debian/Ubuntu, RHEL family) can be checked.';

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}

export function decode(value: string): string {
  return value === '-' ? '' : Buffer.from(value, 'base64').toString('utf8');
}

/**
 * `date +%s.%3N` as the target printed it: seconds and milliseconds, or only the seconds where its
 * date has no %N (BusyBox prints the rest as it is). NaN when there is nothing to read.
 */
export function epochMsOf(raw: string): number {
  const match = /^(\d+)(?:\.(\d{3}))?/.exec(raw.trim());
  return match ? Number(match[1]) * 1000 + Number(match[2] ?? 0) : NaN;
}
