import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface SelfSignedOptions {
  /** Host names or IP addresses desktops use to reach the server (the first is the common name). */
  names: string[];
  /** Days of validity; default 825. */
  days?: number;
  now?: Date;
}

export interface SelfSignedPair {
  cert: string;
  key: string;
  fingerprint: string;
  notAfter: string;
}

const DEFAULT_DAYS = 825;

/**
 * A self-signed server certificate (ECDSA P-256, SHA-256) for the given names plus loopback.
 * Desktops do not trust it through a CA: they show its fingerprint at first sign-in and pin it.
 */
export async function createSelfSignedPair(options: SelfSignedOptions): Promise<SelfSignedPair> {
  const names = [...new Set([...options.names.map((n) => n.trim().toLowerCase()).filter(Boolean), 'localhost', '127.0.0.1', '::1'])];
  const notBeforeDate = options.now ?? new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + (options.days ?? DEFAULT_DAYS) * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: names[0]! }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) => (isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name })),
      },
    ],
  });
  const parsed = new X509Certificate(pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint: parsed.fingerprint256, notAfter: new Date(parsed.validTo).toISOString() };
}

/** Writes `<name>.crt` (0644) and `<name>.key` (0600) into `dir`; refuses to overwrite either unless `force`. */
export function writePair(dir: string, baseName: string, pair: SelfSignedPair, force = false): { certFile: string; keyFile: string } {
  fs.mkdirSync(dir, { recursive: true });
  const certFile = path.join(dir, `${baseName}.crt`);
  const keyFile = path.join(dir, `${baseName}.key`);
  const flag = force ? 'w' : 'wx';
  for (const file of [certFile, keyFile]) {
    if (!force && fs.existsSync(file))
      throw new Error(
        `${file} exists: pass --force to replace it (desktops that pinned the old certificate will refuse the new one until re-trusted)`,
      );
  }
  fs.writeFileSync(keyFile, pair.key, { mode: 0o600, flag });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(certFile, pair.cert, { mode: 0o644, flag });
  return { certFile, keyFile };
}
