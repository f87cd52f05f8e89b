import type Database from 'better-sqlite3';
import type { AppUpdateStatus } from '../../shared/contract/app-update-methods';
import { restartOffer } from '../../shared/app-updates/update-when-idle';
import type { Handlers } from '../api/handlers';
import { DomainError } from '../services/domain-error';
import type { SyncEngine } from '../sync/sync-engine';
import { desktopUpdater } from './desktop-updater';

type AppUpdateMethod = Extract<keyof Handlers, `appUpdate.${string}`>;

/** A check job is running: the stored jobs' state (check_jobs, desktop migration 25), when that table exists. */
export function checkJobRunning(sqlite: Database.Database): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'check_jobs'").get();
  if (!table) return false;
  return Boolean(sqlite.prepare("SELECT 1 FROM check_jobs WHERE state = 'running' LIMIT 1").get());
}

function syncPending(sync: SyncEngine): boolean {
  const status = sync.status();
  return status.state === 'syncing' || status.pendingOperations > 0 || status.pendingAttachments > 0;
}

const UNAVAILABLE: AppUpdateStatus = {
  phase: 'unavailable',
  version: null,
  percent: null,
  message: null,
  lastCheckAt: null,
  restart: { offer: false, waitingFor: null },
};

function status(sqlite: Database.Database, sync: SyncEngine): AppUpdateStatus {
  const updater = desktopUpdater();
  if (!updater) return UNAVAILABLE;
  const state = updater.state();
  const offer = restartOffer({
    downloadedVersion: state.phase === 'downloaded' ? state.version : null,
    syncPending: syncPending(sync),
    checkJobRunning: checkJobRunning(sqlite),
  });
  const waitingFor = offer.offer || offer.reason === 'nothing_downloaded' ? null : offer.reason === 'sync_pending' ? 'sync' : 'check_job';
  return { ...state, restart: { offer: offer.offer, waitingFor } };
}

/** `appUpdate.*`: the updater's state with the update-when-idle rule applied, and the restart it allows. */
export function createAppUpdateHandlers(sync: SyncEngine): Pick<Handlers, AppUpdateMethod> {
  return {
    'appUpdate.status': (ctx) => status(ctx.sqlite, sync),
    'appUpdate.restart': (ctx) => {
      const current = status(ctx.sqlite, sync);
      const updater = desktopUpdater();
      if (!updater || current.phase === 'unavailable') throw new DomainError('rule', 'Updates apply to the installed desktop app.');
      if (!current.restart.offer || !current.version) {
        const why =
          current.restart.waitingFor === 'sync'
            ? 'changes are waiting to be synced'
            : current.restart.waitingFor === 'check_job'
              ? 'a check job is running'
              : 'no update is downloaded yet';
        throw new DomainError('rule', `Not now: ${why}. The update installs when that is done, or at the next quit.`);
      }
      // After this call's answer is on its way: the restart closes the core.
      setTimeout(() => updater.quitAndInstall(), 200);
      return { restarting: true as const, version: current.version };
    },
  };
}
