import type { Handlers } from '../api/handlers';
import { dismissConflict, listOpenConflicts } from './outbox-store';
import { publishDeployment } from './publish';
import { inspectServer, trustServerCertificate } from './server-trust';
import { listQuarantined } from './quarantine-store';
import type { SyncEngine } from './sync-engine';
import { readAccount } from './sync-store';

type SyncMethod = Extract<keyof Handlers, `sync.${string}`>;

/** Who trusted a certificate: the local profile, else the signed-in account. */
function actorOrAccount(actor: () => string, username: string | undefined): string {
  try {
    return actor();
  } catch {
    return username ?? 'this device';
  }
}

/** The handlers of shared/contract/sync-methods.ts. Actions (sign-in, sign-out, server sites) are awaited through `call`. */
export function createSyncHandlers(engine: SyncEngine, schemaVersion: number): Pick<Handlers, SyncMethod> {
  return {
    'sync.status': () => engine.status(),
    'sync.signIn': (_ctx, input) => engine.signIn(input),
    'sync.signOut': (_ctx, input) => engine.signOut(input.discardPending),
    'sync.now': () => engine.syncNow(),
    'sync.serverSites': () => engine.serverSites(),
    'sync.serverUsers': () => engine.serverUsers(),
    'sync.inspectServer': (ctx, input) => engine.withServerAction((signal) => inspectServer(ctx.sqlite, input.serverUrl, signal)),
    'sync.trustCertificate': (ctx, input) =>
      engine.withServerAction(async (signal) => {
        const trustedBy = actorOrAccount(() => ctx.actor(), readAccount(ctx.sqlite)?.username);
        const check = await trustServerCertificate(
          { sqlite: ctx.sqlite, clock: ctx.clock },
          { serverUrl: input.serverUrl, fingerprint: input.fingerprint, trustedBy },
          signal,
        );
        if (readAccount(ctx.sqlite)) engine.syncNow(); // a run refused for the old certificate goes again
        return check;
      }),
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
