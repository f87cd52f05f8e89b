import type Database from 'better-sqlite3';
import type { SyncAccount } from '../../shared/contract/sync-methods';
import { roleSchema } from '../../shared/domain/enums';
import { cachedStatement } from '../db/statement-cache';

/** The sync tables' small reads and writes (account, engine state, prepared sites). Raw SQL on the core's connection. */

export interface StoredSyncError {
  code: string;
  message: string;
  detail?: string;
  at: string;
}

/** Made once: the sync status (polled while a sync runs) reads the account every time. */
const storedRoleSchema = roleSchema.catch('technician');

export function readAccount(sqlite: Database.Database): SyncAccount | null {
  const row = cachedStatement(
    sqlite,
    'SELECT server_url AS serverUrl, username, display_name AS displayName, role, device_id AS deviceId, signed_in_at AS signedInAt FROM sync_account WHERE id = 1',
  ).get() as (Omit<SyncAccount, 'role'> & { role: string }) | undefined;
  if (!row) return null;
  return { ...row, role: storedRoleSchema.parse(row.role) };
}

export function writeAccount(sqlite: Database.Database, account: SyncAccount): void {
  sqlite
    .prepare(
      `INSERT INTO sync_account (id, server_url, username, display_name, role, device_id, signed_in_at)
       VALUES (1, @serverUrl, @username, @displayName, @role, @deviceId, @signedInAt)
       ON CONFLICT(id) DO UPDATE SET server_url = excluded.server_url, username = excluded.username, display_name = excluded.display_name,
         role = excluded.role, device_id = excluded.device_id, signed_in_at = excluded.signed_in_at`,
    )
    .run(account);
}

export interface SyncStateRow {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: StoredSyncError | null;
}

export function readSyncState(sqlite: Database.Database): SyncStateRow {
  const row = cachedStatement(
    sqlite,
    'SELECT last_success_at AS s, last_attempt_at AS a, last_error AS e FROM sync_state WHERE id = 1',
  ).get() as { s: string | null; a: string | null; e: string | null } | undefined;
  if (!row) return { lastSuccessAt: null, lastAttemptAt: null, lastError: null };
  return { lastSuccessAt: row.s, lastAttemptAt: row.a, lastError: row.e ? (JSON.parse(row.e) as StoredSyncError) : null };
}

/** Records the outcome of a run: a success clears the last error. */
export function writeSyncOutcome(sqlite: Database.Database, at: string, error: StoredSyncError | null): void {
  sqlite
    .prepare(
      `INSERT INTO sync_state (id, last_success_at, last_attempt_at, last_error) VALUES (1, @success, @at, @error)
       ON CONFLICT(id) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error,
         last_success_at = COALESCE(excluded.last_success_at, sync_state.last_success_at)`,
    )
    .run({ at, success: error ? null : at, error: error ? JSON.stringify(error) : null });
}

export function listPreparedSites(sqlite: Database.Database): { siteId: string; preparedAt: string }[] {
  return cachedStatement(sqlite, 'SELECT site_id AS siteId, prepared_at AS preparedAt FROM sync_prepared_sites ORDER BY site_id').all() as {
    siteId: string;
    preparedAt: string;
  }[];
}

export function markSitePrepared(sqlite: Database.Database, siteId: string, at: string): void {
  sqlite
    .prepare(
      'INSERT INTO sync_prepared_sites (site_id, prepared_at) VALUES (?, ?) ON CONFLICT(site_id) DO UPDATE SET prepared_at = excluded.prepared_at',
    )
    .run(siteId, at);
}

/** Forgets everything tied to the server session (the outbox and scopes stay: they are local work). */
export function forgetServer(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const table of [
      'sync_account',
      'sync_state',
      'sync_cursors',
      'sync_row_versions',
      'sync_prepared_sites',
      'sync_blob_uploads',
      'sync_quarantine',
    ]) {
      sqlite.exec(`DELETE FROM ${table}`);
    }
  })();
}
