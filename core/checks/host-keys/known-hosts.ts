import { createHash, createHmac } from 'node:crypto';

export interface KnownHostEntry {
  line: number;
  /** Host patterns (plain) or one hashed `|1|salt|hash` entry. */
  patterns: string[];
  hashed: { salt: Buffer; hash: Buffer } | null;
  algorithm: string;
  fingerprint: string;
}

export interface KnownHostsParse {
  entries: KnownHostEntry[];
  skipped: { line: number; reason: string }[];
}

/** OpenSSH's SHA256 fingerprint of a public key blob: unpadded base64 of its SHA-256. */
export function sha256Fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type written inside an SSH public key blob (its first string). */
function blobKeyType(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  if (length <= 0 || length > 64 || 4 + length > blob.length) return null;
  return blob.subarray(4, 4 + length).toString('ascii');
}

/** Parses an OpenSSH known_hosts file. Marker lines (@revoked, @cert-authority) and bad lines are reported, not trusted. */
export function parseKnownHosts(text: string): KnownHostsParse {
  const entries: KnownHostEntry[] = [];
  const skipped: KnownHostsParse['skipped'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    if (fields[0]!.startsWith('@')) {
      skipped.push({ line, reason: `${fields[0]} entries are not imported` });
      return;
    }
    const [hosts, algorithm, base64] = fields;
    if (!hosts || !algorithm || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
      skipped.push({ line, reason: 'not a known_hosts entry (hosts, key type, base64 key)' });
      return;
    }
    const blob = Buffer.from(base64, 'base64');
    if (blobKeyType(blob) !== algorithm) {
      skipped.push({ line, reason: `the key does not hold a ${algorithm} key` });
      return;
    }
    const fingerprint = sha256Fingerprint(blob);
    if (hosts.startsWith('|1|')) {
      const [, , salt, hash] = hosts.split('|');
      if (!salt || !hash) {
        skipped.push({ line, reason: 'malformed hashed host name' });
        return;
      }
      entries.push({
        line,
        patterns: [],
        hashed: { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') },
        algorithm,
        fingerprint,
      });
      return;
    }
    entries.push({ line, patterns: hosts.split(','), hashed: null, algorithm, fingerprint });
  });
  return { entries, skipped };
}

/** How a host is named in known_hosts: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether an entry names one of the given host names (already in `knownHostsName` form). */
export function entryMatches(entry: KnownHostEntry, names: readonly string[]): boolean {
  if (entry.hashed) {
    const { salt, hash } = entry.hashed;
    return names.some((name) => createHmac('sha1', salt).update(name).digest().equals(hash));
  }
  const negated = entry.patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  if (names.some((n) => negated.some((re) => re.test(n)))) return false;
  const positive = entry.patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  return names.some((n) => positive.some((re) => re.test(n)));
}
