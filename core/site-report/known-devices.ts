import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statement-cache';

/**
 * A device key seen before on this device: a stored sign-off sheet carries it, or an earlier
 * site report import came from it, or it is this device's own key.
 */
export function isKnownDevice(sqlite: Database.Database, fingerprint: string, ownFingerprint: string | null): boolean {
  if (fingerprint === ownFingerprint) return true;
  return (
    cachedStatement(sqlite, 'SELECT 1 FROM sign_off_sheets WHERE key_fingerprint = ? UNION ALL SELECT 1 FROM site_report_imports WHERE key_fingerprint = ? LIMIT 1').get(
      fingerprint,
      fingerprint,
    ) !== undefined
  );
}
