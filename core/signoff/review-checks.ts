import type { SignOffReview } from '../../shared/domain/signoff';
import type { ServiceContext } from '../services/service-context';

interface LatestRow {
  target: string;
  role: string;
  outcome: string | null;
  finishedAt: string | null;
  pass: number | null;
  fail: number | null;
  error: number | null;
}

/** The newest finished check run of each target machine of the site, or "not checked". */
export function latestChecksPerTarget(ctx: ServiceContext, siteId: string): SignOffReview['checks'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT m.host_name AS target, m.role AS role, r.outcome AS outcome, r.finished_at AS finishedAt,
         r.pass_count AS pass, r.fail_count AS fail, r.error_count AS error
       FROM target_machines m
       LEFT JOIN check_runs r ON r.id = (
         SELECT id FROM check_runs x WHERE x.target_id = m.id AND x.finished_at IS NOT NULL ORDER BY x.finished_at DESC, x.id DESC LIMIT 1)
       WHERE m.site_id = ? ORDER BY m.host_name, m.id`,
    )
    .all(siteId) as LatestRow[];
  return rows.map((r) => ({
    target: r.target,
    role: r.role,
    outcome: r.outcome ?? 'not checked',
    result:
      r.outcome === null
        ? 'not checked'
        : r.outcome === 'completed'
          ? `${r.pass ?? 0} passed, ${r.fail ?? 0} failed, ${r.error ?? 0} errors`
          : r.outcome.replace(/_/g, ' '),
    finishedAt: r.finishedAt,
  }));
}
