import { QUARANTINE_REPORT_MAX_ROWS } from '../../shared/sync/quarantine-wire';
import { createLogger } from '../logging/logger';
import { markQuarantineReported, unreportedQuarantine } from './quarantine-store';
import { checkAborted, type SyncRun } from './sync-deps';
import { SyncAborted } from './sync-error';

const log = createLogger('sync.quarantine');

/**
 * Tells the server which pulled rows this device keeps in quarantine (new ones, or new versions or
 * reasons), after each pull. A failure (a server without the route, the network) is logged and the
 * report is tried again after the next pull: it never fails a sync.
 */
export async function reportQuarantine(run: SyncRun): Promise<number> {
  const { sqlite, clock } = run.deps;
  let reported = 0;
  for (;;) {
    const rows = unreportedQuarantine(sqlite, QUARANTINE_REPORT_MAX_ROWS);
    if (rows.length === 0) return reported;
    try {
      await run.client.reportQuarantine(rows);
    } catch (error) {
      if (error instanceof SyncAborted) throw error;
      log.warn('could not report quarantined rows to the server; trying again after the next pull', {
        rows: rows.length,
        error: (error as Error).message,
      });
      return reported;
    }
    checkAborted(run);
    markQuarantineReported(sqlite, rows, clock.now());
    reported += rows.length;
    if (rows.length < QUARANTINE_REPORT_MAX_ROWS) return reported;
  }
}
