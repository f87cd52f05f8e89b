import type { ApiErrorCode } from '../../shared/contract';
import { DomainError } from '../services/domain-error';

/** Codes a sync failure carries (all of them are also API error codes, so actions can return them). */
export type SyncErrorCode = Extract<
  ApiErrorCode,
  | 'offline'
  | 'client_too_old'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'server_error'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'payload_too_large'
  | 'rule'
  | 'untrusted_server'
>;

/** A failure talking to the central server: a code for the UI, a message for people, technical detail for support. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** HTTP status, the server's own error code and message, or the network error. */
    readonly detail?: string,
    readonly status?: number,
    /** The server's error code (`bad_credentials`, `offset_mismatch`, …). */
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The run was stopped (the core is closing): nothing more is written. */
export class SyncAborted extends Error {
  constructor() {
    super('sync stopped');
    this.name = 'SyncAborted';
  }
}

/** For action handlers: a sync failure as the typed error the dispatcher returns. */
export function asDomainError(error: unknown): unknown {
  if (error instanceof SyncError) return new DomainError(error.code, error.detail ? `${error.message} (${error.detail})` : error.message);
  if (error instanceof SyncAborted) return new DomainError('offline', 'Sync was stopped because Outpost is closing');
  return error;
}
