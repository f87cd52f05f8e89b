import { entryMatches, knownHostsName, parseKnownHosts } from '../host-keys/known-hosts';

export type KnownHostsVerdict =
  | { verdict: 'known' }
  | { verdict: 'unknown' }
  /** Entries for this host and key type exist, none with the key seen: refused, like OpenSSH. */
  | { verdict: 'changed'; expected: string[] };

/**
 * What a known_hosts file (OpenSSH form, hashed `|1|` entries and `[host]:port` names included)
 * says of the key a host showed. As OpenSSH: only entries of the same key type count, so a host
 * known by an RSA key that now shows ed25519 is unknown, not changed.
 */
export function knownHostsVerdict(
  text: string,
  host: string,
  port: number,
  seen: { algorithm: string; fingerprint: string },
): KnownHostsVerdict {
  const names = [knownHostsName(host, port)];
  const same = parseKnownHosts(text).entries.filter((e) => e.algorithm === seen.algorithm && entryMatches(e, names));
  if (same.some((e) => e.fingerprint === seen.fingerprint)) return { verdict: 'known' };
  return same.length > 0 ? { verdict: 'changed', expected: [...new Set(same.map((e) => e.fingerprint))] } : { verdict: 'unknown' };
}

/** The line `--accept-new` appends: plain host name in known_hosts form, key type, base64 blob. */
export function knownHostsLine(host: string, port: number, algorithm: string, keyBlob: Buffer): string {
  return `${knownHostsName(host, port)} ${algorithm} ${keyBlob.toString('base64')}\n`;
}
