import type Database from 'better-sqlite3';
import { checkServerAddress } from '../../shared/sync/server-address';

/** The pinned certificate of a server origin (`https://host:port`), like an SSH host key. */
export interface PinnedCertificate {
  origin: string;
  fingerprint: string;
  subject: string;
  trustedAt: string;
  trustedBy: string;
  previousFingerprint: string | null;
}

export function readPinnedCertificate(sqlite: Database.Database, origin: string): PinnedCertificate | null {
  const row = sqlite
    .prepare(
      `SELECT origin, fingerprint, subject, trusted_at AS trustedAt, trusted_by AS trustedBy, previous_fingerprint AS previousFingerprint
         FROM sync_server_certificates WHERE origin = ?`,
    )
    .get(origin) as PinnedCertificate | undefined;
  return row ?? null;
}

/** The fingerprint pinned for a server address, or null (none pinned, or not an HTTPS address). */
export function pinnedFingerprintOf(sqlite: Database.Database, serverUrl: string): string | null {
  const address = checkServerAddress(serverUrl);
  return address.ok ? (readPinnedCertificate(sqlite, address.origin)?.fingerprint ?? null) : null;
}

/** Pins (or re-pins) an origin's certificate; the fingerprint it replaces is kept for the record. */
export function pinCertificate(sqlite: Database.Database, pin: Omit<PinnedCertificate, 'previousFingerprint'>): void {
  sqlite
    .prepare(
      `INSERT INTO sync_server_certificates (origin, fingerprint, subject, trusted_at, trusted_by, previous_fingerprint)
       VALUES (@origin, @fingerprint, @subject, @trustedAt, @trustedBy, NULL)
       ON CONFLICT(origin) DO UPDATE SET
         previous_fingerprint = CASE WHEN sync_server_certificates.fingerprint = excluded.fingerprint THEN sync_server_certificates.previous_fingerprint ELSE sync_server_certificates.fingerprint END,
         fingerprint = excluded.fingerprint, subject = excluded.subject, trusted_at = excluded.trusted_at, trusted_by = excluded.trusted_by`,
    )
    .run(pin);
}

/** Fingerprints compare without case, separators or a `SHA256:` prefix, as people paste them. */
export function normalizeFingerprint(value: string): string {
  const hex = value
    .replace(/^sha-?256:/i, '')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase();
  return hex.length === 64 ? (hex.match(/../g) ?? []).join(':') : value.trim();
}
