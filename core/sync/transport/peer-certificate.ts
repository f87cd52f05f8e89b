import { isIP } from 'node:net';
import tls from 'node:tls';

/** What a person compares before trusting a server: its certificate's SHA-256 fingerprint and names. */
export interface PeerCertificate {
  fingerprint: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** `DNS:outpost.example.com, IP Address:10.0.0.5` as the certificate lists them. */
  altNames: string;
  /** Whether the system's CAs vouch for it for this host name (a self-signed certificate: false). */
  caVerified: boolean;
}

export function describePeer(socket: tls.TLSSocket): PeerCertificate | null {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) return null;
  const name = (part: unknown) => {
    const value = (part as Record<string, string | string[] | undefined> | undefined)?.CN;
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  return {
    fingerprint: cert.fingerprint256,
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    altNames: cert.subjectaltname ?? '',
    caVerified: socket.authorized,
  };
}

/** TLS options for a server host: SNI with a name, none with an address. */
export function tlsTarget(host: string, port: number): tls.ConnectionOptions {
  return { host, port, ...(isIP(host) ? {} : { servername: host }), rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] };
}

/**
 * Connects, completes the TLS handshake and hangs up, sending no request: the certificate the
 * server presents, for a person to compare and trust.
 */
export function fetchPeerCertificate(
  host: string,
  port: number,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(tlsTarget(host, port));
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS handshake within ${options.timeoutMs} ms`)), options.timeoutMs);
    const onAbort = () => socket.destroy(new Error('stopped'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    socket.once('secureConnect', () => {
      const peer = describePeer(socket);
      finish();
      socket.destroy();
      if (peer) resolve(peer);
      else reject(new Error('the server presented no certificate'));
    });
    socket.once('error', (error) => {
      finish();
      reject(error);
    });
  });
}
