import type { Handlers } from '../../api/handlers';
import { approvalsNeeded, approveCommands } from '../approvals/approval-handlers';
import { setCredential } from '../credentials/credential-store';
import { importKnownHosts } from '../host-keys/import-known-hosts';
import { trustHostKey } from '../host-keys/host-key-store';
import { machineChecks } from '../runs/machine-checks';
import { getRunDetail, latestRunsBySite, listRuns } from '../runs/run-store';
import { requireTarget } from '../runs/targets';
import { requireSite } from '../../services/site-service';
import type { CheckJobs } from './check-jobs';
import { interruptedHosts } from './job-store';

type ChecksMethod = Extract<keyof Handlers, `checks.${string}`>;

/** The `checks.*` handlers, bound to one core's check jobs. */
export function createChecksHandlers(jobs: CheckJobs): Pick<Handlers, ChecksMethod> {
  return {
    'checks.start': (ctx, input) => jobs.startRemote(ctx, input),
    'checks.checkThisMachine': (ctx, input) => jobs.startThisMachine(ctx, input),
    'checks.approvalsNeeded': approvalsNeeded,
    'checks.approveCommands': approveCommands,
    'checks.status': (ctx, input) => jobs.status(input.jobId, ctx),
    'checks.cancel': (_ctx, input) => jobs.cancel(input.jobId),
    'checks.interrupted': (ctx, input) => {
      requireSite(ctx, input.siteId);
      return interruptedHosts(ctx, input.siteId);
    },
    'checks.retryInterrupted': (ctx, input) => jobs.retryInterrupted(ctx, input.jobId),
    'checks.trustHostKey': trustHostKey,
    'checks.importKnownHosts': importKnownHosts,
    'checks.setCredential': setCredential,
    'checks.machines': (ctx, input) => machineChecks(ctx, input.siteId),
    'checks.latestBySite': (ctx, input) => {
      requireSite(ctx, input.siteId);
      return latestRunsBySite(ctx, input.siteId);
    },
    'checks.runs': (ctx, input) => {
      requireTarget(ctx, input.targetId);
      return listRuns(ctx, input.targetId, input.limit);
    },
    'checks.run': (ctx, input) => getRunDetail(ctx, input.runId),
  };
}
