import type { Facts } from '../../../shared/checks/facts';
import type { RequirementResult } from '../../../shared/checks/results';
import type { CheckCounts, CheckOutcome, CheckRunDetail, CheckRunSummary } from '../../../shared/domain/check-run';
import { notFound } from '../../services/domain-error';
import { recordActivity, type ServiceContext } from '../../services/service-context';
import { diffRuns } from './run-difference';

export interface NewCheckRun {
  siteId: string;
  targetId: string | null;
  targetLabel: string;
  jobId: string;
  startedAt: string;
  finishedAt: string;
  by: string;
  outcome: CheckOutcome;
  message: string;
  hostKey: { algorithm: string; fingerprint: string } | null;
  expectedFingerprint: string | null;
  facts: Facts | null;
  results: RequirementResult[];
  durationMs: number;
}

interface RunRow {
  id: string;
  site_id: string;
  target_id: string | null;
  target_label: string;
  job_id: string;
  started_at: string;
  finished_at: string | null;
  by: string;
  outcome: CheckOutcome;
  message: string;
  host_key_algorithm: string | null;
  host_key_fingerprint: string | null;
  expected_fingerprint: string | null;
  pass_count: number;
  fail_count: number;
  error_count: number;
  skipped_count: number;
  duration_ms: number;
}

const SUMMARY_COLUMNS = `id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, message,
  host_key_algorithm, host_key_fingerprint, expected_fingerprint, pass_count, fail_count, error_count, skipped_count, duration_ms`;

export function countResults(results: readonly RequirementResult[]): CheckCounts {
  const counts: CheckCounts = { pass: 0, fail: 0, error: 0, skipped: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

/** Stores one finished run in its own transaction, with its activity entry. Returns the run id. */
export function insertCheckRun(ctx: ServiceContext, run: NewCheckRun): string {
  const id = ctx.newId();
  const counts = countResults(run.results);
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, message,
          host_key_algorithm, host_key_fingerprint, expected_fingerprint, facts, results, pass_count, fail_count, error_count, skipped_count, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        run.siteId,
        run.targetId,
        run.targetLabel,
        run.jobId,
        run.startedAt,
        run.finishedAt,
        run.by,
        run.outcome,
        run.message,
        run.hostKey?.algorithm ?? null,
        run.hostKey?.fingerprint ?? null,
        run.expectedFingerprint,
        run.facts ? JSON.stringify(run.facts) : null,
        JSON.stringify(run.results),
        counts.pass,
        counts.fail,
        counts.error,
        counts.skipped,
        Math.round(run.durationMs),
      );
    recordActivity(
      ctx,
      {
        action: 'check_run.recorded',
        entity: 'check_run',
        entityId: id,
        siteId: run.siteId,
        detail: { targetId: run.targetId, target: run.targetLabel, outcome: run.outcome, ...counts },
      },
      run.finishedAt,
    );
  })();
  return id;
}

function toSummary(row: RunRow): CheckRunSummary {
  return {
    id: row.id,
    siteId: row.site_id,
    targetId: row.target_id,
    targetLabel: row.target_label,
    jobId: row.job_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    by: row.by,
    outcome: row.outcome,
    message: row.message,
    hostKey: row.host_key_fingerprint ? { algorithm: row.host_key_algorithm ?? '', fingerprint: row.host_key_fingerprint } : null,
    expectedFingerprint: row.expected_fingerprint,
    counts: { pass: row.pass_count, fail: row.fail_count, error: row.error_count, skipped: row.skipped_count },
    durationMs: row.duration_ms,
  };
}

export function listRuns(ctx: ServiceContext, targetId: string, limit: number): CheckRunSummary[] {
  const rows = ctx.sqlite
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM check_runs WHERE target_id = ? ORDER BY started_at DESC, id DESC LIMIT ?`)
    .all(targetId, limit) as RunRow[];
  return rows.map(toSummary);
}

/** The last run of each target of a site, and of this machine (target null). */
export function latestRunsBySite(ctx: ServiceContext, siteId: string): { targets: CheckRunSummary[]; thisMachine: CheckRunSummary | null } {
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM check_runs r WHERE site_id = ? AND id = (
         SELECT id FROM check_runs p WHERE p.site_id = r.site_id AND p.target_id IS r.target_id ORDER BY started_at DESC, id DESC LIMIT 1)`,
    )
    .all(siteId) as RunRow[];
  const summaries = rows.map(toSummary);
  return { targets: summaries.filter((s) => s.targetId !== null), thisMachine: summaries.find((s) => s.targetId === null) ?? null };
}

export function getRunDetail(ctx: ServiceContext, runId: string): CheckRunDetail {
  const row = ctx.sqlite.prepare(`SELECT ${SUMMARY_COLUMNS}, facts, results FROM check_runs WHERE id = ?`).get(runId) as
    (RunRow & { facts: string | null; results: string }) | undefined;
  if (!row) throw notFound('Check run', runId);
  const previous = ctx.sqlite
    .prepare(
      `SELECT id, facts, results FROM check_runs WHERE site_id = ? AND target_id IS ? AND (started_at < ? OR (started_at = ? AND id < ?))
       ORDER BY started_at DESC, id DESC LIMIT 1`,
    )
    .get(row.site_id, row.target_id, row.started_at, row.started_at, row.id) as
    { id: string; facts: string | null; results: string } | undefined;
  const facts = row.facts ? (JSON.parse(row.facts) as Facts) : null;
  const results = JSON.parse(row.results) as RequirementResult[];
  const difference = previous
    ? diffRuns(
        {
          facts: previous.facts ? (JSON.parse(previous.facts) as Facts) : null,
          results: JSON.parse(previous.results) as RequirementResult[],
        },
        { facts, results },
      )
    : null;
  return { ...toSummary(row), facts, results, previousRunId: previous?.id ?? null, difference };
}
