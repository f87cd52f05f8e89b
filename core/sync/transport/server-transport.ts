import type Database from 'better-sqlite3';
import { checkServerAddress } from '../../../shared/sync/server-address';
import { readPinnedCertificate } from '../server-certificates';
import type { FetchLike } from '../server-client';
import { SyncError } from '../sync-error';
import { CertificateMismatch, createPinnedFetch } from './pinned-fetch';

export function certificateChangedMessage(serverUrl: string, pinned: string, presented: string): string {
  return (
    `The server at ${serverUrl} presents a different certificate than the one this device trusts. ` +
    `Trusted: SHA-256 ${pinned}. Presented: SHA-256 ${presented}. Someone may be intercepting the connection, or the server's certificate was replaced: ` +
    'nothing was sent. Ask your administrator for the new fingerprint, compare it, and only then trust it (Sync details).'
  );
}

export function certificateUnknownMessage(serverUrl: string): string {
  return `This device has not trusted the certificate of ${serverUrl} yet: sign in again (or open Sync details) to see its SHA-256 fingerprint, compare it and trust it.`;
}

/**
 * How requests reach a server: plain `fetch` for a loopback http:// server; for https://, a fetch
 * that accepts only the pinned certificate (`expectedFingerprint`, else this origin's pin). No pin
 * at all: every request fails, nothing is sent. Refusals are `untrusted_server` SyncErrors.
 */
export function serverTransport(sqlite: Database.Database, serverUrl: string, expectedFingerprint?: string): FetchLike {
  const address = checkServerAddress(serverUrl);
  if (!address.ok) {
    const message = address.message;
    return () => Promise.reject(new SyncError('untrusted_server', message));
  }
  if (!address.secure) return (input, init) => fetch(input, init);
  const fingerprint = expectedFingerprint ?? readPinnedCertificate(sqlite, address.origin)?.fingerprint;
  if (!fingerprint) return () => Promise.reject(new SyncError('untrusted_server', certificateUnknownMessage(address.url)));
  const pinned = createPinnedFetch(fingerprint);
  return async (input, init) => {
    try {
      return await pinned(input, init);
    } catch (error) {
      if (error instanceof CertificateMismatch) {
        throw new SyncError(
          'untrusted_server',
          certificateChangedMessage(address.url, error.expected, error.presented),
          `pinned ${error.expected}; presented ${error.presented}`,
        );
      }
      throw error;
    }
  };
}
