import type Database from 'better-sqlite3';
import type { SyncProgressSchema } from './sync-progress';
import type { OutpostDb } from '../db/open-database';
import type { Clock } from '../runtime/clock';
import type { SecretStore } from '../secrets/secret-store';
import { createServerClient, type FetchLike, type ServerClient } from './server-client';
import { SyncAborted } from './sync-error';
import { serverTransport } from './transport/server-transport';

/** Where the device token lives (the secret store, never SQLite). */
export const TOKEN_SECRET_KEY = 'sync.deviceToken';

/** What the sync code needs from the core. */
export interface SyncDeps {
  sqlite: Database.Database;
  db: OutpostDb;
  clock: Clock;
  secrets: SecretStore;
  dataDir: string;
  schemaVersion: number;
  /** Sent with every request (the server's device list shows it). */
  appVersion?: string;
  fetch?: FetchLike;
  requestTimeoutMs?: number;
  /** Changes per pull page (the server's default when not set). */
  pullLimit?: number;
}

/** One run against the server: the client, a stop signal, and progress reporting. */
export interface SyncRun {
  deps: SyncDeps;
  client: ServerClient;
  signal: AbortSignal;
  progress(value: SyncProgressSchema | null): void;
}

/**
 * The client every request to the server goes through (sign-in, push, pull, blobs). For https://
 * its transport accepts only the certificate pinned for that origin (or `fingerprint`, the one a
 * person just confirmed at sign-in), whatever `deps.fetch` says: that seam (the tests' fault
 * injection) serves plain-http loopback servers only.
 */
export function serverClient(
  deps: SyncDeps,
  baseUrl: string,
  signal: AbortSignal,
  token: string | null,
  options: { fingerprint?: string } = {},
) {
  return createServerClient({
    baseUrl,
    schemaVersion: deps.schemaVersion,
    ...(deps.appVersion ? { appVersion: deps.appVersion } : {}),
    token,
    signal,
    fetch: deps.fetch && !/^https:/i.test(baseUrl.trim()) ? deps.fetch : serverTransport(deps.sqlite, baseUrl, options.fingerprint),
    ...(deps.requestTimeoutMs ? { timeoutMs: deps.requestTimeoutMs } : {}),
  });
}

/** Call after every await, before writing: a stopped run writes nothing more. */
export function checkAborted(run: { signal: AbortSignal }): void {
  if (run.signal.aborted) throw new SyncAborted();
}

export type { ServerClient };
