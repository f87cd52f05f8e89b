/**
 * When the desktop may offer "Restart to update": an update is downloaded (and verified by
 * electron-updater) and nothing would be interrupted by a restart: no local change is waiting to
 * be synced and no check job is running. Otherwise the offer waits; the update also installs on
 * the next normal quit.
 */
export interface UpdateIdleFacts {
  /** The version electron-updater has downloaded and verified, or null. */
  downloadedVersion: string | null;
  /** Local changes not yet accepted by the server (outbox rows) or a sync in flight. */
  syncPending: boolean;
  /** A check job is running. */
  checkJobRunning: boolean;
}

export type RestartOffer =
  { offer: true; version: string } | { offer: false; reason: 'nothing_downloaded' | 'sync_pending' | 'check_running' };

export function restartOffer(facts: UpdateIdleFacts): RestartOffer {
  if (!facts.downloadedVersion) return { offer: false, reason: 'nothing_downloaded' };
  if (facts.checkJobRunning) return { offer: false, reason: 'check_running' };
  if (facts.syncPending) return { offer: false, reason: 'sync_pending' };
  return { offer: true, version: facts.downloadedVersion };
}

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Whether an update check is due: online, and never checked or the last check a day ago. */
export function updateCheckDue(lastCheckAt: number | null, now: number, online: boolean): boolean {
  if (!online) return false;
  return lastCheckAt === null || now - lastCheckAt >= UPDATE_CHECK_INTERVAL_MS;
}
