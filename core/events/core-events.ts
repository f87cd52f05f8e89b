import type Database from 'better-sqlite3';
import type { CoreEvent } from '../../shared/desktop/notification-rules';
import type { CheckJobStatus } from '../../shared/domain/check-run';
import type { CheckJobs } from '../checks/jobs/check-jobs';
import { createLogger } from '../logging/logger';
import { countOpenConflicts } from '../sync/outbox-store';
import type { SyncEngine } from '../sync/sync-engine';

const log = createLogger('core.events');

export type CoreEventListener = (event: CoreEvent) => void;

/**
 * Things that happened in the background that a shell may want to tell the user about (Electron
 * shows OS notifications). The core knows nothing of the shells: they subscribe here.
 */
export interface CoreEvents {
  subscribe(listener: CoreEventListener): () => void;
  emit(event: CoreEvent): void;
}

export function createCoreEvents(): CoreEvents {
  const listeners = new Set<CoreEventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log.error('an event listener failed', { kind: event.kind, error: String(error) });
        }
      }
    },
  };
}

/** The finished-job event from a job's last status (site looked up now: its code is what the user knows). */
export function checkJobFinishedEvent(sqlite: Database.Database, status: CheckJobStatus): CoreEvent {
  const site = sqlite.open
    ? (sqlite.prepare('SELECT id, code, deployment_id AS deploymentId FROM sites WHERE id = ?').get(status.siteId) as
        { id: string; code: string; deploymentId: string } | undefined)
    : undefined;
  return {
    kind: 'check_job_finished',
    jobId: status.jobId,
    state: status.state === 'cancelled' ? 'cancelled' : 'finished',
    site: site ?? null,
    hosts: status.hosts.length,
    problemHosts: status.hosts.filter((h) => h.outcome !== 'completed').length,
    failingRequirements: status.hosts.reduce((sum, h) => sum + (h.counts?.fail ?? 0), 0),
  };
}

/** Check jobs that announce each job they start, resume or retry when it settles; everything else is the wrapped jobs'. */
export function announceCheckJobs(jobs: CheckJobs, sqlite: Database.Database, events: CoreEvents): CheckJobs {
  const announce = (jobId: string) => {
    jobs
      .wait(jobId)
      .then((status) => events.emit(checkJobFinishedEvent(sqlite, status)))
      .catch((error: unknown) => log.warn('could not announce a finished check job', { jobId, error: String(error) }));
  };
  return {
    ...jobs,
    startRemote(ctx, input) {
      const started = jobs.startRemote(ctx, input);
      announce(started.jobId);
      return started;
    },
    startThisMachine(ctx, input) {
      const started = jobs.startThisMachine(ctx, input);
      announce(started.jobId);
      return started;
    },
    // Jobs an earlier process left running, and retried interrupted hosts, finish here too.
    resumeStored(ctx) {
      const resumed = jobs.resumeStored(ctx);
      for (const jobId of resumed) announce(jobId);
      return resumed;
    },
    retryInterrupted(ctx, jobId) {
      const retried = jobs.retryInterrupted(ctx, jobId);
      announce(retried.jobId);
      return retried;
    },
  };
}

/** Emits `sync_conflicts` after a sync run that left more open conflicts than the user had seen. */
export function announceSyncConflicts(sync: SyncEngine, sqlite: Database.Database, events: CoreEvents): () => void {
  let known = countOpenConflicts(sqlite);
  return sync.onRunEnd(() => {
    if (!sqlite.open) return;
    const open = countOpenConflicts(sqlite);
    if (open > known) events.emit({ kind: 'sync_conflicts', added: open - known, open });
    known = open; // dismissed ones lower the mark, so the next new one is announced again
  });
}
