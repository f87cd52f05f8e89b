import type { EvaluableRequirement } from '../../../shared/checks/evaluate';
import type { CheckJobHost, CheckJobStatus, CheckOutcome, InterruptedHost } from '../../../shared/domain/check-run';
import type { ServiceContext } from '../../services/service-context';

/**
 * The durable side of check jobs (tables `check_jobs`, `check_job_hosts`, migration 25): what a
 * job checks and how far each host got, so a job cut short by a crash or a restart can be resumed.
 * A host is `queued` until its run is stored (`done`, with the run id, in the run's transaction),
 * `cancelled` when the job was cancelled before it, or `interrupted` when it could not be resumed.
 */
export type StoredHostState = 'queued' | 'done' | 'interrupted' | 'cancelled';

export interface StoredJob {
  id: string;
  siteId: string;
  kind: 'remote' | 'this_machine';
  role: string | null;
  concurrency: number;
  state: CheckJobStatus['state'];
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
}

export interface StoredHost {
  hostKey: string;
  targetId: string | null;
  label: string;
  requirements: EvaluableRequirement[];
  state: StoredHostState;
  runId: string | null;
  message: string;
}

interface JobRow {
  id: string;
  site_id: string;
  kind: StoredJob['kind'];
  role: string | null;
  concurrency: number;
  state: StoredJob['state'];
  started_at: string;
  started_by: string;
  finished_at: string | null;
}

interface HostRow {
  host_key: string;
  target_id: string | null;
  label: string;
  requirements: string;
  state: StoredHostState;
  run_id: string | null;
  message: string;
}

const toJob = (r: JobRow): StoredJob => ({
  id: r.id,
  siteId: r.site_id,
  kind: r.kind,
  role: r.role,
  concurrency: r.concurrency,
  state: r.state,
  startedAt: r.started_at,
  startedBy: r.started_by,
  finishedAt: r.finished_at,
});

function parseRequirements(json: string): EvaluableRequirement[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as EvaluableRequirement[]) : [];
  } catch {
    return [];
  }
}

export function insertJob(
  ctx: ServiceContext,
  job: Omit<StoredJob, 'state' | 'finishedAt'>,
  hosts: readonly Pick<StoredHost, 'hostKey' | 'targetId' | 'label' | 'requirements'>[],
): void {
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        'INSERT INTO check_jobs (id, site_id, kind, role, concurrency, state, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(job.id, job.siteId, job.kind, job.role, job.concurrency, 'running', job.startedAt, job.startedBy);
    const insert = ctx.sqlite.prepare(
      'INSERT INTO check_job_hosts (job_id, host_key, position, target_id, label, requirements, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    hosts.forEach((h, i) => insert.run(job.id, h.hostKey, i, h.targetId, h.label, JSON.stringify(h.requirements), 'queued', job.startedAt));
  })();
}

export function setHostState(
  ctx: ServiceContext,
  jobId: string,
  hostKey: string,
  state: StoredHostState,
  fields: { runId?: string | null; message?: string } = {},
): void {
  ctx.sqlite
    .prepare(
      'UPDATE check_job_hosts SET state = ?, run_id = COALESCE(?, run_id), message = ?, updated_at = ? WHERE job_id = ? AND host_key = ?',
    )
    .run(state, fields.runId ?? null, fields.message ?? '', ctx.clock.now(), jobId, hostKey);
}

/** Every host not done yet becomes `cancelled`; the job ends in `state`. */
export function endJob(ctx: ServiceContext, jobId: string, state: 'finished' | 'cancelled', finishedAt: string): void {
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        "UPDATE check_job_hosts SET state = 'cancelled', message = 'Cancelled before it started', updated_at = ? WHERE job_id = ? AND state = 'queued'",
      )
      .run(finishedAt, jobId);
    ctx.sqlite.prepare('UPDATE check_jobs SET state = ?, finished_at = ? WHERE id = ?').run(state, finishedAt, jobId);
  })();
}

/** Back to running, for a retry of its interrupted hosts (they become queued). */
export function reopenJob(ctx: ServiceContext, jobId: string): void {
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare("UPDATE check_job_hosts SET state = 'queued', message = '', updated_at = ? WHERE job_id = ? AND state = 'interrupted'")
      .run(ctx.clock.now(), jobId);
    ctx.sqlite.prepare("UPDATE check_jobs SET state = 'running', finished_at = NULL WHERE id = ?").run(jobId);
  })();
}

export function loadJob(ctx: ServiceContext, jobId: string): { job: StoredJob; hosts: StoredHost[] } | null {
  const row = ctx.sqlite.prepare('SELECT * FROM check_jobs WHERE id = ?').get(jobId) as JobRow | undefined;
  if (!row) return null;
  const hosts = (
    ctx.sqlite
      .prepare(
        'SELECT host_key, target_id, label, requirements, state, run_id, message FROM check_job_hosts WHERE job_id = ? ORDER BY position',
      )
      .all(jobId) as HostRow[]
  ).map((h): StoredHost => ({
    hostKey: h.host_key,
    targetId: h.target_id,
    label: h.label,
    requirements: parseRequirements(h.requirements),
    state: h.state,
    runId: h.run_id,
    message: h.message,
  }));
  return { job: toJob(row), hosts };
}

/** Jobs a previous process left running (it crashed or was closed mid-job). */
export function runningJobIds(ctx: ServiceContext): string[] {
  return (ctx.sqlite.prepare("SELECT id FROM check_jobs WHERE state = 'running' ORDER BY started_at, id").all() as { id: string }[]).map(
    (r) => r.id,
  );
}

/** The runs a job already stored, by host (target id, or '' for this machine): never redone. */
export function storedRunsOf(ctx: ServiceContext, jobId: string): Map<string, string> {
  const rows = ctx.sqlite.prepare('SELECT id, target_id FROM check_runs WHERE job_id = ? ORDER BY started_at, id').all(jobId) as {
    id: string;
    target_id: string | null;
  }[];
  return new Map(rows.map((r) => [r.target_id ?? '', r.id]));
}

/** A stored job as `checks.status` reports it (a job this process no longer holds in memory). */
export function storedJobStatus(ctx: ServiceContext, stored: { job: StoredJob; hosts: StoredHost[] }): CheckJobStatus {
  const run = ctx.sqlite.prepare(
    'SELECT outcome, pass_count, fail_count, error_count, skipped_count, host_key_algorithm, host_key_fingerprint, expected_fingerprint FROM check_runs WHERE id = ?',
  );
  const hosts = stored.hosts.map((h): CheckJobHost => {
    const r = h.runId
      ? (run.get(h.runId) as
          | {
              outcome: CheckOutcome;
              pass_count: number;
              fail_count: number;
              error_count: number;
              skipped_count: number;
              host_key_algorithm: string | null;
              host_key_fingerprint: string | null;
              expected_fingerprint: string | null;
            }
          | undefined)
      : undefined;
    return {
      targetId: h.targetId,
      label: h.label,
      phase: h.state === 'interrupted' ? 'interrupted' : h.state === 'queued' ? 'queued' : 'done',
      outcome: r ? r.outcome : h.state === 'cancelled' ? 'cancelled' : null,
      message: h.message,
      runId: h.runId,
      counts: r ? { pass: r.pass_count, fail: r.fail_count, error: r.error_count, skipped: r.skipped_count } : null,
      hostKey: r?.host_key_fingerprint ? { algorithm: r.host_key_algorithm ?? '', fingerprint: r.host_key_fingerprint } : null,
      expectedFingerprint: r?.expected_fingerprint ?? null,
    };
  });
  const { job } = stored;
  return {
    jobId: job.id,
    siteId: job.siteId,
    state: job.state,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    hosts,
    progress: { done: hosts.filter((h) => h.phase === 'done' || h.phase === 'interrupted').length, total: hosts.length },
  };
}

/** A site's interrupted hosts that were not checked again since (the Machines tab offers Retry). */
export function interruptedHosts(ctx: ServiceContext, siteId: string): InterruptedHost[] {
  return (
    ctx.sqlite
      .prepare(
        `SELECT h.job_id, h.target_id, h.label, h.message, j.started_at FROM check_job_hosts h JOIN check_jobs j ON j.id = h.job_id
         WHERE j.site_id = ? AND h.state = 'interrupted' AND j.state != 'running'
           AND NOT EXISTS (SELECT 1 FROM check_runs r WHERE r.site_id = j.site_id AND r.target_id IS h.target_id AND r.started_at >= j.started_at)
         ORDER BY j.started_at DESC, h.position`,
      )
      .all(siteId) as { job_id: string; target_id: string | null; label: string; message: string; started_at: string }[]
  ).map((r) => ({ jobId: r.job_id, targetId: r.target_id, label: r.label, message: r.message, jobStartedAt: r.started_at }));
}
