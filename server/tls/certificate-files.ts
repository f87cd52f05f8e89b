import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';

/** The certificate and key the server serves HTTPS with (PEM), and the certificate's SHA-256 fingerprint. */
export interface ServerTls {
  cert: string;
  key: string;
  /** `AB:CD:…` (what `openssl x509 -noout -fingerprint -sha256` prints and the desktop shows). */
  fingerprint: string;
}

export class TlsConfigError extends Error {}

/** Reads and checks a PEM certificate and key; a missing, unreadable or mismatched pair is refused with the reason. */
export function loadServerTls(certFile: string, keyFile: string): ServerTls {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new TlsConfigError(`Cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
    }
  };
  const cert = read(certFile, 'certificate');
  const key = read(keyFile, 'key');
  let parsed: X509Certificate;
  try {
    parsed = new X509Certificate(cert);
  } catch (error) {
    throw new TlsConfigError(`${certFile} is not a PEM certificate: ${(error as Error).message}`);
  }
  let matches: boolean;
  try {
    matches = parsed.checkPrivateKey(createPrivateKey(key));
  } catch (error) {
    throw new TlsConfigError(`${keyFile} is not a PEM private key: ${(error as Error).message}`);
  }
  if (!matches) throw new TlsConfigError(`${keyFile} is not the private key of ${certFile}`);
  return { cert, key, fingerprint: parsed.fingerprint256 };
}

/**
 * `--tls-cert` / `--tls-key` (or `OUTPOST_TLS_CERT` / `OUTPOST_TLS_KEY`): both or neither.
 * Returns null for plain HTTP.
 */
export function tlsFilesFrom(certFile: string | undefined, keyFile: string | undefined): { certFile: string; keyFile: string } | null {
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile)
    throw new TlsConfigError('HTTPS needs both --tls-cert and --tls-key (or OUTPOST_TLS_CERT and OUTPOST_TLS_KEY)');
  return { certFile, keyFile };
}
