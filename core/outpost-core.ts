import path from 'node:path';
import type { ApiResult } from '../shared/contract';
import { createCaller, createDispatcher } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { createCheckJobs } from './checks/jobs/check-jobs';
import { defaultCheckParts } from './checks/jobs/default-check-parts';
import { announceCheckJobs, announceSyncConflicts, createCoreEvents, type CoreEvents } from './events/core-events';
import { openDatabase } from './db/open-database';
import { resolveUpdateFeed, type AppUpdateFeed } from './app-updates/update-feed';
import { createLogger } from './logging/logger';
import { newId, systemClock, type Clock } from './runtime/clock';
import { DomainError } from './services/domain-error';
import { getProfile } from './services/profile-service';
import { keyFileCipher } from './secrets/key-file-cipher';
import type { SecretCipher } from './secrets/secret-cipher';
import { fileSecretStore, type SecretStore } from './secrets/secret-store';
import type { ServiceContext } from './services/service-context';
import { SyncEngine, type SyncEngineSettings } from './sync/sync-engine';

export interface CoreOptions {
  dataDir: string;
  shell: 'electron' | 'browser' | 'test';
  /** better-sqlite3 build for this runtime; Electron passes its own ABI build. */
  nativeBinding?: string;
  appVersion?: string;
  clock?: Clock;
  /** How secrets are sealed; made on first use. Default: AES-GCM with a key outside the data directory. */
  secretCipher?: () => SecretCipher;
  /** Sync engine tuning (tests inject `fetch`, timers and the clock). */
  sync?: SyncEngineSettings;
  /** Resume the check jobs an earlier process left running (default: the desktop and browser shells, not the CLI). */
  resumeCheckJobs?: boolean;
}

/** The core both shells, the CLI and the tests share: plain Node, no Electron. */
export interface OutpostCore {
  /** Synchronous methods only; an action method returns the `async_method` error. */
  dispatch(method: unknown, input: unknown): ApiResult<unknown>;
  /** Every method, actions included (what the transports use). Resolves to a typed result, never rejects. */
  call(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  /** Device secrets: for core services only, never returned through the API. */
  secrets: SecretStore;
  /** The sync engine, for tests and the CLI (`runOnce()` awaits one push + pull); the API reaches it through `sync.*`. */
  syncEngine: SyncEngine;
  /** Background happenings (finished check jobs, new sync conflicts) a shell may notify about. */
  events: CoreEvents;
  /** The desktop updater's feed on the signed-in server (null when signed out); for the Electron main process. */
  appUpdateFeed(): Promise<AppUpdateFeed | null>;
  close(): void;
}

export const DATABASE_FILE_NAME = 'outpost.db';
export { StartupError } from './runtime/startup-error';

/**
 * Opens the data directory's database (integrity check, backup, migrations). Throws StartupError
 * when the data cannot be opened safely; after that, `dispatch` never throws.
 */
export function openCore(options: CoreOptions): OutpostCore {
  const log = createLogger('core');
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  const opened = openDatabase({
    file: databaseFile,
    backupDir: path.join(options.dataDir, 'backups'),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const secrets = lazySecretStore(options.dataDir, options.secretCipher ?? (() => keyFileCipher(options.dataDir)));
  const ctx: ServiceContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    clock: options.clock ?? systemClock,
    newId,
    secrets,
    actor: () => {
      const profile = getProfile(opened.db);
      if (!profile) throw new DomainError('no_profile', 'Choose your name and role first (first-run screen)');
      return profile.name;
    },
  };
  const events = createCoreEvents();
  const checkJobs = announceCheckJobs(createCheckJobs(defaultCheckParts), opened.sqlite, events);
  const sync = new SyncEngine(
    {
      sqlite: opened.sqlite,
      db: opened.db,
      clock: ctx.clock,
      secrets,
      dataDir: options.dataDir,
      schemaVersion: opened.schemaVersion,
      ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    },
    options.sync,
  );
  announceSyncConflicts(sync, opened.sqlite, events);
  const handlers = createHandlers({
    checkJobs,
    appVersion: options.appVersion ?? '0.0.0',
    schemaVersion: opened.schemaVersion,
    dataDir: options.dataDir,
    shell: options.shell,
    sync,
  });
  const dispatch = createDispatcher(ctx, opened.sqlite, handlers, log);
  const call = createCaller(ctx, dispatch, handlers, log);
  log.info('opened', { dataDir: options.dataDir, schemaVersion: opened.schemaVersion, shell: options.shell });
  if (options.resumeCheckJobs ?? options.shell !== 'test') checkJobs.resumeStored(ctx);
  return {
    dispatch,
    call,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: opened.schemaVersion,
    secrets,
    syncEngine: sync,
    events,
    appUpdateFeed: () =>
      resolveUpdateFeed({
        sqlite: opened.sqlite,
        secrets,
        schemaVersion: opened.schemaVersion,
        appVersion: options.appVersion ?? '0.0.0',
        ...(options.sync?.fetch ? { fetch: options.sync.fetch } : {}),
      }),
    close: () => {
      checkJobs.suspendAll();
      sync.stop();
      if (opened.sqlite.open) opened.sqlite.close();
    },
  };
}

/** Creates the cipher (and its key) only when a secret is first read or written. */
function lazySecretStore(dataDir: string, makeCipher: () => SecretCipher): SecretStore {
  let store: SecretStore | undefined;
  const get = () => (store ??= fileSecretStore(dataDir, makeCipher()));
  return {
    get backend() {
      return get().backend;
    },
    get weak() {
      return get().weak;
    },
    get: (key) => get().get(key),
    set: (key, value) => get().set(key, value),
    delete: (key) => get().delete(key),
    has: (key) => get().has(key),
  };
}
