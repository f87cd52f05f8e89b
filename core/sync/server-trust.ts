import type Database from 'better-sqlite3';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { checkServerAddress } from '../../shared/sync/server-address';
import { DomainError } from '../services/domain-error';
import type { Clock } from '../runtime/clock';
import { normalizeFingerprint, pinCertificate, readPinnedCertificate } from './server-certificates';
import { SyncError } from './sync-error';
import { fetchPeerCertificate, type PeerCertificate } from './transport/peer-certificate';
import { certificateChangedMessage } from './transport/server-transport';

const PROBE_TIMEOUT_MS = 15_000;

function requireAddress(serverUrl: string) {
  const address = checkServerAddress(serverUrl);
  if (!address.ok) throw new SyncError('untrusted_server', address.message);
  return address;
}

async function presented(host: string, port: number, url: string, signal: AbortSignal, timeoutMs?: number): Promise<PeerCertificate> {
  try {
    return await fetchPeerCertificate(host, port, { timeoutMs: timeoutMs ?? PROBE_TIMEOUT_MS, signal });
  } catch (error) {
    throw new SyncError('offline', `Cannot reach the server at ${url}`, `TLS handshake: ${(error as Error).message}`);
  }
}

/**
 * What the server at this address presents and what this device trusts: `loopback_http` (a
 * server on this computer, nothing to pin), `new` (never trusted: compare the fingerprint),
 * `trusted`, or `changed` (refused until re-trusted). Only a TLS handshake: no request is sent.
 */
export async function inspectServer(
  sqlite: Database.Database,
  serverUrl: string,
  signal: AbortSignal,
  timeoutMs?: number,
): Promise<ServerCertificateCheck> {
  const address = requireAddress(serverUrl);
  if (!address.secure) return { serverUrl: address.url, origin: address.origin, state: 'loopback_http', certificate: null, pinned: null };
  const certificate = await presented(address.host, address.port, address.url, signal, timeoutMs);
  const pin = readPinnedCertificate(sqlite, address.origin);
  const state = !pin ? 'new' : pin.fingerprint === certificate.fingerprint ? 'trusted' : 'changed';
  return {
    serverUrl: address.url,
    origin: address.origin,
    state,
    certificate,
    pinned: pin ? { fingerprint: pin.fingerprint, trustedAt: pin.trustedAt, trustedBy: pin.trustedBy } : null,
  };
}

/**
 * A person compared the fingerprint and trusts it: pinned (replacing a changed one) only when the
 * server presents exactly that certificate now.
 */
export async function trustServerCertificate(
  deps: { sqlite: Database.Database; clock: Clock },
  input: { serverUrl: string; fingerprint: string; trustedBy: string },
  signal: AbortSignal,
  timeoutMs?: number,
): Promise<ServerCertificateCheck> {
  const address = requireAddress(input.serverUrl);
  if (!address.secure) throw new DomainError('rule', 'A server on this computer over http:// has no certificate to trust');
  const confirmed = normalizeFingerprint(input.fingerprint);
  const certificate = await presented(address.host, address.port, address.url, signal, timeoutMs);
  if (certificate.fingerprint !== confirmed)
    throw new SyncError('untrusted_server', certificateChangedMessage(address.url, confirmed, certificate.fingerprint));
  pinCertificate(deps.sqlite, {
    origin: address.origin,
    fingerprint: confirmed,
    subject: certificate.subject,
    trustedAt: deps.clock.now(),
    trustedBy: input.trustedBy,
  });
  return inspectServer(deps.sqlite, address.url, signal, timeoutMs);
}
