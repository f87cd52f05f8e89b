import { createHash } from 'node:crypto';
import type { HostKeyInfo } from '../collector-types';

/** OpenSSH-style fingerprint of a host key blob: `SHA256:` + base64 without padding. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key's algorithm is the first string of the SSH wire-format blob (e.g. `ssh-ed25519`). */
export function hostKeyInfo(keyBlob: Buffer): HostKeyInfo {
  let algorithm = 'unknown';
  if (keyBlob.length >= 4) {
    const length = keyBlob.readUInt32BE(0);
    if (length > 0 && length < 64 && keyBlob.length >= 4 + length) algorithm = keyBlob.subarray(4, 4 + length).toString('latin1');
  }
  return { algorithm, fingerprint: fingerprintOf(keyBlob) };
}

/** Compares fingerprints the way people write them (with or without `SHA256:` and padding). */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (f: string) =>
    f
      .trim()
      .replace(/^SHA256:/i, '')
      .replace(/=+$/, '');
  return norm(a) === norm(b);
}
