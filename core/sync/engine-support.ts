import { DomainError } from '../services/domain-error';
import { SyncAborted, SyncError } from './sync-error';
import type { StoredSyncError } from './sync-store';

/** `OUTPOST_SYNC_INTERVAL_MS`: the timer period for shells started by tests (0: no automatic runs). */
export function intervalFromEnvironment(): number | false | undefined {
  const value = process.env.OUTPOST_SYNC_INTERVAL_MS;
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return ms === 0 ? false : ms;
}

export function positiveFromEnvironment(name: string): number | undefined {
  const ms = Number(process.env[name] ?? '');
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** A run's failure as kept in `sync_state.last_error` and shown by `sync.status`. */
export function storedError(error: unknown, at: string): StoredSyncError {
  if (error instanceof SyncError)
    return { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}), at };
  if (error instanceof SyncAborted) return { code: 'offline', message: 'Sync was stopped', at };
  if (error instanceof DomainError) return { code: error.code, message: error.message, at };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: 'Sync failed unexpectedly', detail: message, at };
}
