import type { SyncAccount, SyncStatus } from '../../shared/contract/sync-methods';
import type { ServerUserEntry } from '../../shared/sync/user-list-wire';
import { createLogger } from '../logging/logger';
import { DomainError } from '../services/domain-error';
import { backoffDelayMs } from './backoff';
import { countOpenConflicts, countPendingOperations, pendingBlobs } from './outbox-store';
import { prepareSites } from './prepare-sites';
import { pullPartitions } from './pull';
import { countQuarantined } from './quarantine-store';
import { pushOutbox } from './push';
import { syncDeviceKeys } from './device-key-sync';
import { syncDeviceTagNumber } from '../labels/device-tag-number-sync';
import type { FetchLike } from './server-client';
import { signIn, signOut, type SignInInput } from './sign-in';
import { serverClient, TOKEN_SECRET_KEY, type SyncDeps, type SyncRun } from './sync-deps';
import { pinnedFingerprintOf } from './server-certificates';
import { intervalFromEnvironment, positiveFromEnvironment, storedError } from './engine-support';
import { asDomainError, SyncAborted } from './sync-error';
import type { SyncProgressSchema } from './sync-progress';
import { listPreparedSites, readAccount, readSyncState, writeSyncOutcome, type StoredSyncError } from './sync-store';

const log = createLogger('sync.engine');

/** What tests (and the shells) may tune; defaults suit a desktop. */
export interface SyncEngineSettings {
  fetch?: FetchLike;
  requestTimeoutMs?: number;
  /** Changes per pull page (default: the server's). */
  pullLimit?: number;
  /** Automatic runs every this many ms while signed in (default 60 s); `false`: only on request (no timer, no retries). */
  intervalMs?: number | false;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  nowMs?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Job = { kind: 'sync' } | { kind: 'prepare'; siteIds: string[] };
export type RunOutcome = { ok: true } | { ok: false; error: StoredSyncError };
interface QueuedJob {
  job: Job;
  done: (outcome: RunOutcome) => void;
  finished: Promise<RunOutcome>;
}

/**
 * The desktop sync loop: one run at a time (push, then pull), started by a timer while signed in,
 * by `sync.now`, by "Prepare for site" and after signing in; exponential backoff with full jitter
 * after failures; a client too old or a refused token stop automatic runs until the user acts.
 * `stop()` (core close) clears every timer and aborts an in-flight run, which then writes nothing.
 */
export class SyncEngine {
  private readonly settings: Required<Omit<SyncEngineSettings, 'fetch' | 'requestTimeoutMs' | 'pullLimit'>>;
  private readonly deps: SyncDeps;
  private queue: QueuedJob[] = [];
  private running: Promise<void> | null = null;
  private controller: AbortController | null = null;
  /** Aborted by `stop()`: every request of the engine ends with it. */
  private readonly lifetime = new AbortController();
  private timer: unknown = null;
  private nextAttemptMs: number | null = null;
  private failures = 0;
  private blocked = false;
  private stopped = false;
  private progress: SyncProgressSchema | null = null;
  private readonly runEndListeners = new Set<(outcome: RunOutcome) => void>();

  constructor(deps: SyncDeps, settings: SyncEngineSettings = {}) {
    const requestTimeoutMs = settings.requestTimeoutMs ?? positiveFromEnvironment('OUTPOST_SYNC_TIMEOUT_MS');
    this.deps = {
      ...deps,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
      ...(settings.pullLimit ? { pullLimit: settings.pullLimit } : {}),
    };
    this.settings = {
      intervalMs: settings.intervalMs ?? intervalFromEnvironment() ?? 60_000,
      backoffBaseMs: settings.backoffBaseMs ?? 2_000,
      backoffCapMs: settings.backoffCapMs ?? 5 * 60_000,
      random: settings.random ?? Math.random,
      nowMs: settings.nowMs ?? Date.now,
      setTimer: settings.setTimer ?? ((run, ms) => setTimeout(run, ms).unref()),
      clearTimer: settings.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout)),
    };
    if (readAccount(deps.sqlite)) this.schedule(this.settings.intervalMs === false ? 0 : Math.min(5_000, this.settings.intervalMs));
  }

  status(): SyncStatus {
    const { sqlite } = this.deps;
    const account = readAccount(sqlite);
    const state = readSyncState(sqlite);
    const offline = state.lastError?.code === 'offline';
    return {
      account,
      state: !account ? 'signed_out' : this.running ? 'syncing' : offline ? 'offline' : state.lastError ? 'error' : 'idle',
      online: account !== null && !offline,
      pendingOperations: countPendingOperations(sqlite),
      pendingAttachments: pendingBlobs(sqlite).length,
      conflicts: countOpenConflicts(sqlite),
      quarantined: countQuarantined(sqlite),
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      nextAttemptAt: account && this.nextAttemptMs !== null ? new Date(this.nextAttemptMs).toISOString() : null,
      lastError: state.lastError,
      progress: this.running ? this.progress : null,
      preparedSites: listPreparedSites(sqlite),
    };
  }

  async signIn(input: SignInInput): Promise<SyncStatus> {
    this.assertOpen();
    await this.idle();
    const signal = this.newSignal();
    try {
      await signIn(this.deps, input, signal);
    } catch (error) {
      throw asDomainError(error);
    }
    this.failures = 0;
    this.blocked = false;
    this.enqueue({ kind: 'sync' });
    return this.status();
  }

  /** A network action outside sync runs (certificate inspection and trust): stopped with the core, failures as typed errors. */
  async withServerAction<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await action(this.newSignal());
    } catch (error) {
      throw asDomainError(error);
    }
  }

  async signOut(discardPending: boolean): Promise<SyncStatus> {
    this.assertOpen();
    this.clearTimer();
    this.dropQueue('Signing out');
    this.controller?.abort();
    await this.idle();
    try {
      await signOut(this.deps, discardPending, this.newSignal());
    } catch (error) {
      if (readAccount(this.deps.sqlite)) this.schedule(this.settings.intervalMs === false ? 0 : this.settings.intervalMs);
      throw asDomainError(error);
    }
    this.failures = 0;
    this.blocked = false;
    return this.status();
  }

  /** `sync.now`: starts a run in the background (after the one in progress, if any). */
  syncNow(): { started: boolean } {
    this.requireAccount();
    this.blocked = false;
    const alreadyQueued = this.queue.some((q) => q.job.kind === 'sync');
    if (!alreadyQueued) this.enqueue({ kind: 'sync' });
    return { started: !alreadyQueued };
  }

  prepareSites(siteIds: string[]): { started: boolean } {
    this.requireAccount();
    this.enqueue({ kind: 'prepare', siteIds });
    return { started: true };
  }

  async serverSites(): Promise<{ siteId: string; deploymentId: string; label: string; prepared: boolean }[]> {
    this.assertOpen();
    const account = this.requireAccount();
    const prepared = new Set(listPreparedSites(this.deps.sqlite).map((p) => p.siteId));
    try {
      const client = serverClient(this.deps, account.serverUrl, this.newSignal(), this.deps.secrets.get(TOKEN_SECRET_KEY));
      const { partitions } = await client.partitions();
      return partitions
        .filter((p): p is typeof p & { siteId: string } => p.siteId !== null)
        .map((p) => ({ siteId: p.siteId, deploymentId: p.deploymentId, label: p.label, prepared: prepared.has(p.siteId) }));
    } catch (error) {
      throw asDomainError(error);
    }
  }

  /** The server's technicians, for the site editor's picker (release managers and administrators). */
  async serverUsers(): Promise<ServerUserEntry[]> {
    this.assertOpen();
    const account = this.requireAccount();
    try {
      const client = serverClient(this.deps, account.serverUrl, this.newSignal(), this.deps.secrets.get(TOKEN_SECRET_KEY));
      return (await client.users()).users;
    } catch (error) {
      throw asDomainError(error);
    }
  }

  /** Queues a run and resolves with its outcome (tests, CLI). */
  runOnce(job: Job = { kind: 'sync' }): Promise<RunOutcome> {
    this.requireAccount();
    return this.enqueue(job).finished;
  }

  /** Calls `listener` after every run, whatever its outcome (core events compare the conflict count then). */
  onRunEnd(listener: (outcome: RunOutcome) => void): () => void {
    this.runEndListeners.add(listener);
    return () => this.runEndListeners.delete(listener);
  }

  /** Resolves once nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.running || (this.queue.length > 0 && !this.stopped)) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Core close: no timers left, the in-flight run aborted (its partial page is not committed). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.lifetime.abort();
    this.dropQueue('Outpost is closing');
  }

  private dropQueue(why: string): void {
    const at = this.deps.clock.now();
    for (const queued of this.queue) queued.done({ ok: false, error: { code: 'offline', message: why, at } });
    this.queue = [];
  }

  private enqueue(job: Job): QueuedJob {
    let done!: (outcome: RunOutcome) => void;
    const finished = new Promise<RunOutcome>((resolve) => (done = resolve));
    const queued = { job, done, finished };
    this.queue.push(queued);
    setImmediate(() => this.kick()); // after the caller's transaction has committed
    return queued;
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = this.execute(next.job)
      .catch((error: unknown): RunOutcome => {
        log.error('sync run failed unexpectedly', { error: String(error) });
        return { ok: false, error: storedError(error, this.deps.clock.now()) };
      })
      .then((outcome) => {
        this.running = null; // before the waiter hears of it: the status no longer says "syncing"
        next.done(outcome);
        for (const listener of this.runEndListeners) {
          try {
            listener(outcome);
          } catch (error) {
            log.error('a sync run listener failed', { error: String(error) });
          }
        }
        this.kick();
      });
  }

  private async execute(job: Job): Promise<RunOutcome> {
    const { sqlite, secrets } = this.deps;
    const account = readAccount(sqlite);
    const token = secrets.get(TOKEN_SECRET_KEY);
    const at = this.deps.clock.now();
    if (!account || !token) return { ok: false, error: { code: 'unauthorized', message: 'This device is not signed in', at } };
    this.clearTimer();
    // The run's client checks the certificate pinned now; a re-trust during the run must not leave it refused.
    const pinAtStart = pinnedFingerprintOf(sqlite, account.serverUrl);
    this.controller = new AbortController();
    const signal = AbortSignal.any([this.lifetime.signal, this.controller.signal]);
    const run: SyncRun = {
      deps: this.deps,
      client: serverClient(this.deps, account.serverUrl, signal, token),
      signal,
      progress: (value) => (this.progress = value),
    };
    try {
      await syncDeviceKeys(run, account);
      await syncDeviceTagNumber(run, account);
      await pushOutbox(run);
      if (job.kind === 'prepare') await prepareSites(run, job.siteIds);
      else await pullPartitions(run);
      if (run.signal.aborted) throw new SyncAborted();
      writeSyncOutcome(sqlite, at, null);
      this.failures = 0;
      this.schedule(this.settings.intervalMs === false ? null : this.settings.intervalMs);
      return { ok: true };
    } catch (error) {
      const stored = storedError(error, at);
      if (error instanceof SyncAborted || this.stopped) return { ok: false, error: stored };
      writeSyncOutcome(sqlite, at, stored);
      log.warn('sync failed', { code: stored.code, message: stored.message, detail: stored.detail });
      this.failures += 1;
      if (stored.code === 'untrusted_server' && pinnedFingerprintOf(sqlite, account.serverUrl) !== pinAtStart) {
        // Refused under the certificate trusted when it began, while someone trusted another: go again with that one.
        log.info('certificate trusted during a refused run: syncing again');
        if (!this.queue.some((q) => q.job.kind === 'sync')) this.enqueue({ kind: 'sync' });
        return { ok: false, error: stored };
      }
      // Retrying cannot help until someone acts: update, sign in again, or compare and trust a changed certificate.
      this.blocked = stored.code === 'client_too_old' || stored.code === 'unauthorized' || stored.code === 'untrusted_server';
      if (!this.blocked)
        this.schedule(backoffDelayMs(this.failures, this.settings.backoffBaseMs, this.settings.backoffCapMs, this.settings.random));
      return { ok: false, error: stored };
    } finally {
      this.controller = null;
      this.progress = null;
    }
  }

  /** The next automatic run; `null` or no timer configured: none. */
  private schedule(delayMs: number | null): void {
    this.clearTimer();
    if (this.stopped || this.blocked || delayMs === null || this.settings.intervalMs === false) return;
    this.nextAttemptMs = this.settings.nowMs() + delayMs;
    this.timer = this.settings.setTimer(() => {
      this.timer = null;
      this.nextAttemptMs = null;
      if (readAccount(this.deps.sqlite) && !this.queue.some((q) => q.job.kind === 'sync')) this.enqueue({ kind: 'sync' });
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.settings.clearTimer(this.timer);
    this.timer = null;
    this.nextAttemptMs = null;
  }

  private newSignal(): AbortSignal {
    return this.lifetime.signal;
  }

  private assertOpen(): void {
    if (this.stopped) throw new DomainError('rule', 'Outpost is closing');
  }

  private requireAccount(): SyncAccount {
    const account = readAccount(this.deps.sqlite);
    if (!account) throw new DomainError('rule', 'Sign in to a central server first');
    return account;
  }
}
