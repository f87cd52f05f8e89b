import { factsForStorage } from '../../../shared/checks/evidence';
import { NEEDS_APPROVAL } from '../../../shared/checks/plan-approval';
import type { RequirementResult } from '../../../shared/checks/results';
import type { CheckJobHost, CheckJobStatus, CheckOutcome } from '../../../shared/domain/check-run';
import { createLogger } from '../../logging/logger';
import { DomainError, notFound } from '../../services/domain-error';
import type { ServiceContext } from '../../services/service-context';
import type { CollectOutcome } from '../collector-types';
import { countResults, insertCheckRun } from '../runs/run-store';
import type { CheckParts } from './check-collectors';
import { collectRemoteHost } from './collect-host';
import { planRemoteHosts, planThisMachine, runnableProbes, type HostPlan } from './job-plan';

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
}

export interface CheckJobs {
  startRemote(ctx: ServiceContext, input: { siteId: string; targetIds?: string[] | undefined; concurrency: number }): { jobId: string };
  startThisMachine(ctx: ServiceContext, input: { siteId: string; role?: string | undefined }): { jobId: string };
  status(jobId: string): CheckJobStatus;
  cancel(jobId: string): CheckJobStatus;
  /** Resolves when the job has written every host's run. */
  wait(jobId: string): Promise<CheckJobStatus>;
  cancelAll(): void;
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

/** Check jobs of one core: they run in the background (promises) and are polled with `status`. */
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
      const busy = plans.filter((p) => job.hosts.get(p.key)?.phase !== undefined && job.hosts.get(p.key)!.phase !== 'done');
      if (busy.length > 0) throw new DomainError('conflict', `${busy.map((p) => p.label).join(', ')} ${busy.length === 1 ? 'is' : 'are'} being checked already`);
    }
  }

  function snapshot(job: Job): CheckJobStatus {
    const hosts = [...job.hosts.values()].map((h) => ({ ...h }));
    return { jobId: job.id, siteId: job.siteId, state: job.state, startedAt: job.startedAt, finishedAt: job.finishedAt, hosts, progress: { done: hosts.filter((h) => h.phase === 'done').length, total: hosts.length } };
  }

  function newJob(ctx: ServiceContext, siteId: string, plans: HostPlan[]): Job {
    const job: Job = { id: ctx.newId(), siteId, state: 'running', startedAt: ctx.clock.now(), finishedAt: null, hosts: new Map(), controller: new AbortController(), done: Promise.resolve() };
    for (const plan of plans) {
      job.hosts.set(plan.key, { targetId: plan.target?.id ?? null, label: plan.label, phase: 'queued', outcome: null, message: '', runId: null, counts: null, hostKey: null, expectedFingerprint: null });
    }
    jobs.set(job.id, job);
    while (jobs.size > KEEP_JOBS) {
      const oldest = [...jobs.values()].find((j) => j.state !== 'running');
      if (!oldest) break;
      jobs.delete(oldest.id);
    }
    return job;
  }

  /** Evaluates a finished host and stores its run at once, in its own transaction. */
  function finishHost(ctx: ServiceContext, job: Job, plan: HostPlan, by: string, startedAt: string, started: number, outcome: CollectOutcome): void {
    const host = job.hosts.get(plan.key)!;
    if (host.phase === 'done') return;
    let results: RequirementResult[] = [];
    let runOutcome: CheckOutcome = 'completed';
    let message = '';
    if (outcome.ok) {
      results = parts.evaluate(outcome.facts, plan.requirements, { expectedSerial: plan.expectedSerial }).map((r) => (plan.held.has(r.requirementId) ? heldResult(r) : r));
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
      host.runId = insertCheckRun(ctx, {
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
    } catch (error) {
      host.outcome = 'error';
      host.message = `The run could not be stored: ${error instanceof Error ? error.message : String(error)}`;
      log.error('check run not stored', { jobId: job.id, host: plan.label, message: host.message });
    }
  }

  function settle(job: Job): void {
    for (const host of job.hosts.values()) {
      if (host.phase !== 'done') Object.assign(host, { phase: 'done', outcome: 'cancelled', message: 'Cancelled before it started' });
    }
    job.state = job.controller.signal.aborted ? 'cancelled' : 'finished';
    job.finishedAt = new Date().toISOString();
  }

  function run(ctx: ServiceContext, job: Job, plans: HostPlan[], concurrency: number, local: boolean): void {
    const by = ctx.actor();
    const collectOne = async (plan: HostPlan, signal: AbortSignal): Promise<CollectOutcome> => {
      const startedAt = ctx.clock.now();
      const started = Date.now();
      const host = job.hosts.get(plan.key)!;
      if (host.phase === 'queued') host.phase = 'connecting';
      let outcome: CollectOutcome;
      try {
        if (local) {
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
          if (host && host.phase !== 'done' && event.phase !== 'done') host.phase = event.phase;
        },
      })
      .then(
        () => settle(job),
        (error: unknown) => {
          log.error('check job failed', { jobId: job.id, message: error instanceof Error ? error.message : String(error) });
          settle(job);
        },
      );
  }

  return {
    startRemote(ctx, input) {
      const plans = planRemoteHosts(ctx, input.siteId, input.targetIds);
      refuseOverlap(plans);
      const job = newJob(ctx, input.siteId, plans);
      run(ctx, job, plans, input.concurrency, false);
      return { jobId: job.id };
    },
    startThisMachine(ctx, input) {
      const plan = planThisMachine(ctx, input.siteId, input.role);
      const job = newJob(ctx, input.siteId, [plan]);
      run(ctx, job, [plan], 1, true);
      return { jobId: job.id };
    },
    status: (jobId) => snapshot(requireJob(jobId)),
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
    cancelAll() {
      for (const job of jobs.values()) if (job.state === 'running') job.controller.abort();
    },
  };
}
