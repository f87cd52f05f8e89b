import type { Handlers } from '../api/handlers';
import { dismissConflict, listOpenConflicts } from './outbox-store';
import { publishDeployment } from './publish';
import { listQuarantined } from './quarantine-store';
import type { SyncEngine } from './sync-engine';
import { readAccount } from './sync-store';

type SyncMethod = Extract<keyof Handlers, `sync.${string}`>;

/** The handlers of shared/contract/sync-methods.ts. Actions (sign-in, sign-out, server sites) are awaited through `call`. */
export function createSyncHandlers(engine: SyncEngine, schemaVersion: number): Pick<Handlers, SyncMethod> {
  return {
    'sync.status': () => engine.status(),
    'sync.signIn': (_ctx, input) => engine.signIn(input),
    'sync.signOut': (_ctx, input) => engine.signOut(input.discardPending),
    'sync.now': () => engine.syncNow(),
    'sync.serverSites': () => engine.serverSites(),
    'sync.prepareSites': (_ctx, input) => engine.prepareSites(input.siteIds),
    'sync.conflicts': (ctx) => listOpenConflicts(ctx.sqlite),
    'sync.quarantine': (ctx) => listQuarantined(ctx.sqlite),
    'sync.dismissConflict': (ctx, input) => ({ dismissed: dismissConflict(ctx.sqlite, input.opId, ctx.clock.now()) }),
    'sync.publish': (ctx, input) => {
      const result = publishDeployment(ctx, input.deploymentId, schemaVersion);
      if (result.queued > 0 && readAccount(ctx.sqlite)) engine.syncNow(); // starts after this transaction commits
      return result;
    },
  };
}
