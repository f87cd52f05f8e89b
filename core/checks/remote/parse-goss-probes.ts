import type { Facts, ProbeResult } from '../../../shared/checks/facts';

/** One /proc/self/mountinfo line (proc(5)): per-mount options (Goss `opts`), super options (`vfs-opts`), source, type. */
export function parseMountinfoLine(
  line: string,
): { mountPoint: string; opts: string[]; vfsOpts: string[]; source: string; filesystem: string } | null {
  const [left, right] = line.trim().split(' - ');
  if (!left || !right) return null;
  const l = left.split(' ');
  const r = right.split(' ');
  if (l.length < 6 || r.length < 3) return null;
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return { mountPoint: unescape(l[4]!), opts: l[5]!.split(','), vfsOpts: r[2]!.split(','), source: unescape(r[1]!), filesystem: r[0]! };
}

/** `stat -c %F` words → Goss's file types. */
const FILETYPES: Record<string, string> = {
  'regular file': 'file',
  'regular empty file': 'file',
  directory: 'directory',
  'symbolic link': 'symlink',
  'character special file': 'character-device',
  'block special file': 'block-device',
  fifo: 'pipe',
  socket: 'socket',
};
export const gossFiletype = (statWord: string): string | null => (statWord ? (FILETYPES[statWord.trim()] ?? statWord.trim()) : null);

/** The mount probe's answer: the mountinfo line and `df -P -k` of the point (Use% → Goss `usage`). */
export function parseMountAnswer(v: Map<string, string>, fromB64: (s: string | undefined) => string): ProbeResult {
  const entry = v.get('exists') === '1' ? parseMountinfoLine(fromB64(v.get('mountinfo'))) : null;
  if (!entry) return { kind: 'mount', exists: false, opts: null, vfsOpts: null, source: null, filesystem: null, usage: null };
  const df = fromB64(v.get('df')).trim().split(/\s+/);
  const used = Number(df[2]);
  const avail = Number(df[3]);
  const usage = Number.isFinite(used) && Number.isFinite(avail) && used + avail > 0 ? Math.round((100 * used) / (used + avail)) : null;
  return {
    kind: 'mount',
    exists: true,
    opts: entry.opts,
    vfsOpts: entry.vfsOpts,
    source: entry.source,
    filesystem: entry.filesystem,
    usage,
  };
}

export function parseInterfaceAnswer(v: Map<string, string>, fromB64: (s: string | undefined) => string): ProbeResult {
  if (v.get('exists') !== '1') return { kind: 'interface', exists: false, addrs: [], mtu: null };
  const mtu = Number(v.get('mtu'));
  return {
    kind: 'interface',
    exists: true,
    addrs: fromB64(v.get('addrs'))
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    mtu: v.get('mtu') && Number.isFinite(mtu) ? mtu : null,
  };
}

/** A run of quoted strings in dig's output: one TXT record's strings, or a CAA value. */
const QUOTED_RUN = /"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*/g;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

/**
 * dig +short prints TXT and CAA values quoted, one record a line, and the strings of a TXT record
 * that holds several side by side (`"v=spf1 a" "-all"`). Goss reports what Go's resolver returns:
 * the value unquoted, a record's strings joined with nothing between them, dig's escapes (`\"`,
 * `\\`, `\DDD` for a byte) undone.
 */
export function digRecord(line: string): string {
  return line.trim().replace(QUOTED_RUN, (run) => [...run.matchAll(QUOTED)].map((m) => unescapeDig(m[1]!)).join(''));
}

function unescapeDig(text: string): string {
  if (!text.includes('\\')) return text;
  const bytes = text.replace(/\\(\d{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * Folds systemd aliases (`sshd.service ssh.service` lines of the unit-aliases section) into the
 * services: the alias is listed as another name of its unit, not as a unit of its own, so a Goss
 * `service: sshd` is judged on `ssh` as `systemctl is-active sshd` would answer.
 */
export function applyUnitAliases(services: Facts['services'], aliasesText: string | undefined): Facts['services'] {
  const strip = (unit: string) => unit.replace(/\.service$/, '');
  const aliasOf = new Map<string, string>();
  for (const line of (aliasesText ?? '').split('\n')) {
    const [alias, target] = line.trim().split(/\s+/);
    if (alias?.endsWith('.service') && target?.endsWith('.service') && alias !== target) aliasOf.set(strip(alias), strip(target));
  }
  if (aliasOf.size === 0) return services;
  const byName = new Map(services.map((s) => [s.name, s]));
  const kept = services.filter((s) => !(aliasOf.has(s.name) && byName.has(aliasOf.get(s.name)!)));
  for (const [alias, target] of aliasOf) {
    const unit = byName.get(target);
    if (unit) unit.aliases = [...(unit.aliases ?? []), alias];
  }
  return kept;
}
