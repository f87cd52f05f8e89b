import { factsForStorage } from '../../../shared/checks/evidence';
import { NEEDS_APPROVAL } from '../../../shared/checks/plan-approval';
import type { RequirementResult } from '../../../shared/checks/results';
import type { CheckJobHost, CheckJobStatus, CheckOutcome } from '../../../shared/domain/check-run';
import { createLogger } from '../../logging/logger';
import { DomainError, notFound } from '../../services/domain-error';
import type { ServiceContext } from '../../services/service-context';
import type { CollectOutcome } from '../collector-types';
import { resolveAuth } from '../credentials/resolve-auth';
import { countResults, insertCheckRun } from '../runs/run-store';
import type { CheckParts } from './check-collectors';
import { collectRemoteHost } from './collect-host';
import { planRemoteHosts, planStoredHost, planThisMachine, runnableProbes, type HostPlan } from './job-plan';
import {
  endJob,
  insertJob,
  loadJob,
  reopenJob,
  runningJobIds,
  setHostState,
  storedJobStatus,
  storedRunsOf,
  type StoredJob,
} from './job-store';

const KEEP_JOBS = 50;
const log = createLogger('checks');

interface Job {
  id: string;
  siteId: string;
  state: CheckJobStatus['state'];
  startedAt: string;
  finishedAt: string | null;
  hosts: Map<string, CheckJobHost>;
  controller: AbortController;
  done: Promise<void>;
  /** Stopped because the core closes: its stored state stays `running`, so the next start resumes it. */
  suspended: boolean;
}

export interface CheckJobs {
  startRemote(ctx: ServiceContext, input: { siteId: string; targetIds?: string[] | undefined; concurrency: number }): { jobId: string };
  startThisMachine(ctx: ServiceContext, input: { siteId: string; role?: string | undefined }): { jobId: string };
  /** A job of this process, or (given `ctx`) one stored by an earlier one. */
  status(jobId: string, ctx?: ServiceContext): CheckJobStatus;
  cancel(jobId: string): CheckJobStatus;
  /** Resolves when the job has written every host's run. */
  wait(jobId: string): Promise<CheckJobStatus>;
  /**
   * At start: every job an earlier process left running (crash, restart) goes on for its hosts with
   * no stored run yet; a host that cannot be resumed (target removed, credential unreadable) is
   * marked interrupted with the reason. Runs already stored are never redone. Returns the job ids.
   */
  resumeStored(ctx: ServiceContext): string[];
  /** Checks a stored job's interrupted hosts again, in the same job. */
  retryInterrupted(ctx: ServiceContext, jobId: string): { jobId: string };
  /** Stops the running jobs for good (their queued hosts are recorded as cancelled). */
  cancelAll(): void;
  /** When the core closes: stops the running jobs but leaves them stored as running, to be resumed. */
  suspendAll(): void;
}

/** A requirement held back for approval: never run, so not judged. */
function heldResult(result: RequirementResult): RequirementResult {
  return {
    ...result,
    status: 'skipped',
    actual: NEEDS_APPROVAL,
    message: 'Not run: this command or file read needs your approval first (Check asks; outpost check --approve-commands)',
  };
}

const ACTIVE_PHASES = new Set<CheckJobHost['phase']>(['queued', 'connecting', 'probing']);
const ended = (h: CheckJobHost) => !ACTIVE_PHASES.has(h.phase);

const queuedHost = (plan: { target: { id: string } | null; label: string }): CheckJobHost => ({
  targetId: plan.target?.id ?? null,
  label: plan.label,
  phase: 'queued',
  outcome: null,
  message: '',
  runId: null,
  counts: null,
  hostKey: null,
  expectedFingerprint: null,
});

/** Check jobs of one core: they run in the background (promises) and are polled with `status`; their plan and per-host state are stored. */
export function createCheckJobs(parts: CheckParts): CheckJobs {
  const jobs = new Map<string, Job>();

  function requireJob(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw notFound('Check job', jobId);
    return job;
  }

  /** One job at a time per host: a second check of a host that is being checked is refused. */
  function refuseOverlap(plans: readonly HostPlan[]): void {
    for (const job of jobs.values()) {
      if (job.state !== 'running') continue;
      const busy = plans.filter((p) => {
        const host = job.hosts.get(p.key);
        return host !== undefined && !ended(host);
      });
      if (busy.length > 0)
        throw new DomainError(
          'conflict',
          `${busy.map((p) => p.label).join(', ')} ${busy.length === 1 ? 'is' : 'are'} being checked already`,
        );
    }
  }

  function snapshot(job: Job): CheckJobStatus {
    const hosts = [...job.hosts.values()].map((h) => ({ ...h }));
    return {
      jobId: job.id,
      siteId: job.siteId,
      state: job.state,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      hosts,
      progress: { done: hosts.filter(ended).length, total: hosts.length },
    };
  }

  function remember(job: Job): void {
    jobs.set(job.id, job);
    while (jobs.size > KEEP_JOBS) {
      const oldest = [...jobs.values()].find((j) => j.state !== 'running');
      if (!oldest) break;
      jobs.delete(oldest.id);
    }
  }

  function memoryJob(id: string, siteId: string, startedAt: string, hosts: Iterable<[string, CheckJobHost]>): Job {
    const job: Job = {
      id,
      siteId,
      state: 'running',
      startedAt,
      finishedAt: null,
      hosts: new Map(hosts),
      controller: new AbortController(),
      done: Promise.resolve(),
      suspended: false,
    };
    remember(job);
    return job;
  }

  /** A new job, stored (plan and hosts) before the call that starts it returns. */
  function newJob(
    ctx: ServiceContext,
    siteId: string,
    plans: HostPlan[],
    meta: Pick<StoredJob, 'kind' | 'role' | 'concurrency' | 'startedBy'>,
  ): Job {
    const id = ctx.newId();
    const startedAt = ctx.clock.now();
    insertJob(
      ctx,
      { id, siteId, startedAt, ...meta },
      plans.map((p) => ({ hostKey: p.key, targetId: p.target?.id ?? null, label: p.label, requirements: p.requirements })),
    );
    return memoryJob(
      id,
      siteId,
      startedAt,
      plans.map((p) => [p.key, queuedHost(p)]),
    );
  }

  /** Evaluates a finished host and stores its run at once, with the host's new state, in one transaction. */
  function finishHost(
    ctx: ServiceContext,
    job: Job,
    plan: HostPlan,
    by: string,
    startedAt: string,
    started: number,
    outcome: CollectOutcome,
  ): void {
    const host = job.hosts.get(plan.key)!;
    if (host.phase === 'done' || job.suspended) return;
    let results: RequirementResult[] = [];
    let runOutcome: CheckOutcome = 'completed';
    let message = '';
    if (outcome.ok) {
      results = parts
        .evaluate(outcome.facts, plan.requirements, { expectedSerial: plan.expectedSerial })
        .map((r) => (plan.held.has(r.requirementId) ? heldResult(r) : r));
      if (outcome.facts.os.family === 'windows') {
        runOutcome = 'windows';
        message = 'Windows targets are not supported yet';
      } else if (plan.held.size > 0) {
        message = `${plan.held.size} ${plan.held.size === 1 ? 'requirement needs' : 'requirements need'} approval and ${plan.held.size === 1 ? 'was' : 'were'} not run`;
      }
    } else {
      runOutcome = outcome.reason;
      message = outcome.message;
    }
    const hostKey = outcome.ok ? outcome.hostKey : 'hostKey' in outcome ? outcome.hostKey : null;
    const expectedFingerprint = !outcome.ok && outcome.reason === 'host_key_changed' ? outcome.expected : null;
    Object.assign(host, { phase: 'done', outcome: runOutcome, message, counts: countResults(results), hostKey, expectedFingerprint });
    try {
      host.runId = ctx.sqlite.transaction(() => {
        const runId = insertCheckRun(ctx, {
          siteId: job.siteId,
          targetId: plan.target?.id ?? null,
          targetLabel: plan.label,
          jobId: job.id,
          startedAt,
          finishedAt: ctx.clock.now(),
          by,
          outcome: runOutcome,
          message,
          hostKey,
          expectedFingerprint,
          facts: outcome.ok ? factsForStorage(outcome.facts) : null,
          results,
          durationMs: Date.now() - started,
        });
        setHostState(ctx, job.id, plan.key, 'done', { runId, message });
        return runId;
      })();
    } catch (error) {
      host.outcome = 'error';
      host.message = `The run could not be stored: ${error instanceof Error ? error.message : String(error)}`;
      log.error('check run not stored', { jobId: job.id, host: plan.label, message: host.message });
    }
  }

  function settle(ctx: ServiceContext, job: Job): void {
    if (job.suspended) return;
    for (const host of job.hosts.values()) {
      if (!ended(host)) Object.assign(host, { phase: 'done', outcome: 'cancelled', message: 'Cancelled before it started' });
    }
    job.state = job.controller.signal.aborted ? 'cancelled' : 'finished';
    job.finishedAt = new Date().toISOString();
    try {
      endJob(ctx, job.id, job.state, job.finishedAt);
    } catch (error) {
      log.error('check job end not stored', { jobId: job.id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  function run(ctx: ServiceContext, job: Job, plans: HostPlan[], concurrency: number, by: string): void {
    const collectOne = async (plan: HostPlan, signal: AbortSignal): Promise<CollectOutcome> => {
      const startedAt = ctx.clock.now();
      const started = Date.now();
      const host = job.hosts.get(plan.key)!;
      if (host.phase === 'queued') host.phase = 'connecting';
      let outcome: CollectOutcome;
      try {
        if (plan.target === null) {
          host.phase = 'probing';
          outcome = await parts.collectLocal(runnableProbes(parts, plan), signal);
        } else {
          outcome = await collectRemoteHost(ctx, parts, plan, signal);
        }
      } catch (error) {
        outcome = { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
      }
      finishHost(ctx, job, plan, by, startedAt, started, outcome);
      return outcome;
    };
    job.done = parts
      .collectMany(plans, collectOne, {
        concurrency,
        signal: job.controller.signal,
        onProgress: (plan, event) => {
          const host = job.hosts.get(plan.key);
          if (host && !ended(host) && event.phase !== 'done') host.phase = event.phase;
        },
      })
      .then(
        () => settle(ctx, job),
        (error: unknown) => {
          log.error('check job failed', { jobId: job.id, message: error instanceof Error ? error.message : String(error) });
          settle(ctx, job);
        },
      );
  }

  /** Marks a stored host interrupted, in the database and in the job's status. */
  function interrupt(ctx: ServiceContext, job: Job, hostKey: string, message: string): void {
    setHostState(ctx, job.id, hostKey, 'interrupted', { message });
    const host = job.hosts.get(hostKey);
    if (host) Object.assign(host, { phase: 'interrupted', outcome: null, message });
  }

  function resumeOne(ctx: ServiceContext, jobId: string): boolean {
    const stored = loadJob(ctx, jobId);
    if (!stored || jobs.has(jobId)) return false;
    const runs = storedRunsOf(ctx, jobId);
    // A run stored just before the crash, whose host row was not updated yet, counts as done.
    for (const host of stored.hosts) {
      const runId = runs.get(host.targetId ?? '');
      if (runId && host.state !== 'done') {
        setHostState(ctx, jobId, host.hostKey, 'done', { runId });
        Object.assign(host, { state: 'done', runId, message: '' });
      }
    }
    const status = storedJobStatus(ctx, stored);
    const job = memoryJob(
      jobId,
      stored.job.siteId,
      stored.job.startedAt,
      stored.hosts.map((h, i) => [h.hostKey, status.hosts[i]!]),
    );
    const plans: HostPlan[] = [];
    for (const host of stored.hosts.filter((h) => h.state === 'queued')) {
      const plan = planStoredHost(ctx, stored.job.siteId, host, stored.job.role);
      if ('unavailable' in plan) {
        interrupt(ctx, job, host.hostKey, `Not resumed after the restart: ${plan.unavailable}`);
        continue;
      }
      const auth = plan.target ? resolveAuth(ctx, plan.target) : { ok: true as const };
      if (!auth.ok) {
        interrupt(ctx, job, host.hostKey, `Not resumed after the restart: ${auth.message}`);
        continue;
      }
      plans.push(plan);
    }
    log.info('check job resumed', { jobId, hosts: plans.length, done: stored.hosts.filter((h) => h.state === 'done').length });
    run(ctx, job, plans, stored.job.concurrency, stored.job.startedBy);
    return true;
  }

  return {
    startRemote(ctx, input) {
      const plans = planRemoteHosts(ctx, input.siteId, input.targetIds);
      refuseOverlap(plans);
      const job = newJob(ctx, input.siteId, plans, { kind: 'remote', role: null, concurrency: input.concurrency, startedBy: ctx.actor() });
      run(ctx, job, plans, input.concurrency, ctx.actor());
      return { jobId: job.id };
    },
    startThisMachine(ctx, input) {
      const plan = planThisMachine(ctx, input.siteId, input.role);
      const job = newJob(ctx, input.siteId, [plan], {
        kind: 'this_machine',
        role: input.role ?? null,
        concurrency: 1,
        startedBy: ctx.actor(),
      });
      run(ctx, job, [plan], 1, ctx.actor());
      return { jobId: job.id };
    },
    status(jobId, ctx) {
      const job = jobs.get(jobId);
      if (job) return snapshot(job);
      const stored = ctx ? loadJob(ctx, jobId) : null;
      if (!stored || !ctx) throw notFound('Check job', jobId);
      return storedJobStatus(ctx, stored);
    },
    cancel(jobId) {
      const job = requireJob(jobId);
      if (job.state === 'running') job.controller.abort();
      return snapshot(job);
    },
    async wait(jobId) {
      const job = requireJob(jobId);
      await job.done;
      return snapshot(job);
    },
    resumeStored(ctx) {
      const resumed: string[] = [];
      for (const jobId of runningJobIds(ctx)) {
        try {
          if (resumeOne(ctx, jobId)) resumed.push(jobId);
        } catch (error) {
          log.error('check job not resumed', { jobId, message: error instanceof Error ? error.message : String(error) });
        }
      }
      return resumed;
    },
    retryInterrupted(ctx, jobId) {
      const current = jobs.get(jobId);
      if (current?.state === 'running') throw new DomainError('conflict', 'This check job is still running');
      const stored = loadJob(ctx, jobId);
      if (!stored) throw notFound('Check job', jobId);
      const interrupted = stored.hosts.filter((h) => h.state === 'interrupted');
      if (interrupted.length === 0) throw new DomainError('rule', 'This check job has no interrupted machines to retry');
      const plans: HostPlan[] = [];
      const gone: { hostKey: string; message: string }[] = [];
      for (const host of interrupted) {
        const plan = planStoredHost(ctx, stored.job.siteId, host, stored.job.role);
        if ('unavailable' in plan) gone.push({ hostKey: host.hostKey, message: plan.unavailable });
        else plans.push(plan);
      }
      if (plans.length === 0) throw new DomainError('rule', gone.map((g) => g.message).join('; '));
      refuseOverlap(plans);
      reopenJob(ctx, jobId);
      for (const g of gone) setHostState(ctx, jobId, g.hostKey, 'interrupted', { message: g.message });
      jobs.delete(jobId);
      const reloaded = loadJob(ctx, jobId)!;
      const status = storedJobStatus(ctx, reloaded);
      const job = memoryJob(
        jobId,
        stored.job.siteId,
        stored.job.startedAt,
        reloaded.hosts.map((h, i) => [h.hostKey, status.hosts[i]!]),
      );
      run(ctx, job, plans, stored.job.kind === 'this_machine' ? 1 : stored.job.concurrency, ctx.actor());
      return { jobId };
    },
    cancelAll() {
      for (const job of jobs.values()) if (job.state === 'running') job.controller.abort();
    },
    suspendAll() {
      for (const job of jobs.values()) {
        if (job.state !== 'running') continue;
        job.suspended = true;
        job.controller.abort();
      }
    },
  };
}
