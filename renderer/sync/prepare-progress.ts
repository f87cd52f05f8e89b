import type { SyncStatus } from '../../shared/contract/sync-methods';
import { appText } from '../i18n/app-text';

/** Where a "Prepare for site" run stands, judged from successive `sync.status` answers. */
export interface PrepareRun {
  siteIds: string[];
  startedAt: string;
  /** The largest attachment count seen in the attachments_down phase. */
  attachments: number;
}

export type PrepareOutcome =
  | { kind: 'running' }
  | { kind: 'done'; sites: number; attachments: number }
  | { kind: 'failed'; error: NonNullable<SyncStatus['lastError']> };

/** True when `iso` is at or after `since` (a second of slack for clocks that store whole seconds). */
function notBefore(iso: string, since: string): boolean {
  return Date.parse(iso) >= Date.parse(since) - 1000;
}

export function observePrepare(run: PrepareRun, status: SyncStatus): { run: PrepareRun; outcome: PrepareOutcome } {
  const progress = status.progress;
  const attachments = progress?.phase === 'attachments_down' ? Math.max(run.attachments, progress.total) : run.attachments;
  const next = { ...run, attachments };
  const prepared = new Map(status.preparedSites.map((p) => [p.siteId, p.preparedAt]));
  const allDone = run.siteIds.every((id) => {
    const at = prepared.get(id);
    return at !== undefined && notBefore(at, run.startedAt);
  });
  if (allDone && status.state !== 'syncing') return { run: next, outcome: { kind: 'done', sites: run.siteIds.length, attachments } };
  const failed =
    status.lastError && notBefore(status.lastError.at, run.startedAt) && (status.state === 'error' || status.state === 'offline');
  if (failed && status.lastError) return { run: next, outcome: { kind: 'failed', error: status.lastError } };
  return { run: next, outcome: { kind: 'running' } };
}

export function readyText(sites: number, attachments: number): string {
  const s = sites === 1 ? '1 site' : `${sites} sites`;
  const a = attachments === 1 ? '1 attachment' : `${attachments} attachments`;
  return appText('sync.prepareProgress.readyToGoOffline', { s, a });
}
