import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostKeyDecision, HostKeyInfo } from '../collector-types';
import { knownHostsLine, knownHostsVerdict } from './known-hosts-verdict';

/** OpenSSH's defaults: the user's file (read, and written by --accept-new) and the system one (read only). */
export const DEFAULT_USER_KNOWN_HOSTS = path.join(os.homedir(), '.ssh', 'known_hosts');
export const SYSTEM_KNOWN_HOSTS = '/etc/ssh/ssh_known_hosts';

export interface KnownHostsPolicyOptions {
  /** The file read and appended to (`--known-hosts FILE`, or ~/.ssh/known_hosts). */
  file: string;
  /** Also read these (never written): /etc/ssh/ssh_known_hosts when no file was given. */
  readOnly: readonly string[];
  /** `--accept-new`: trust a host with no entry for the key type it shows, and append it to `file`. */
  acceptNew: boolean;
}

/** What the policy did for a host: a key appended to the file, for the report. */
export interface AcceptedKey {
  host: string;
  port: number;
  key: HostKeyInfo;
}

const readText = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Host key checking as OpenSSH's StrictHostKeyChecking (`yes`, or `accept-new` with --accept-new):
 * a key in the files is trusted; a changed key is always refused naming the expected fingerprints;
 * an unknown key is refused, or with accept-new trusted and appended to the file at once (mode
 * 0600, ~/.ssh made 0700), before any sign-in. The files are re-read per host, so hosts sharing an
 * address see keys accepted earlier in the same run.
 */
export function knownHostsPolicy(options: KnownHostsPolicyOptions, accepted: AcceptedKey[]) {
  return (host: string, port: number) =>
    (keyBlob: Buffer, key: HostKeyInfo): HostKeyDecision => {
      const text = [options.file, ...options.readOnly].map(readText).join('\n');
      const verdict = knownHostsVerdict(text, host, port, key);
      if (verdict.verdict === 'known') return { trust: true };
      if (verdict.verdict === 'changed') return { trust: false, verdict: 'changed', expected: verdict.expected.join(', ') };
      if (!options.acceptNew) return { trust: false, verdict: 'unknown' };
      fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: 0o700 });
      fs.appendFileSync(options.file, knownHostsLine(host, port, key.algorithm, keyBlob), { mode: 0o600 });
      accepted.push({ host, port, key });
      return { trust: true };
    };
}
