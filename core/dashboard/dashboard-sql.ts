import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statement-cache';

/**
 * The dashboard's SQL: one grouped read per concern, each scoped to one deployment and served by
 * indexes (sites by deployment, per-site indexes on every child table, inventory counters kept by
 * triggers). The core folds the per-site rows into waves and totals.
 */

const OPEN = `('open','in_progress','escalated')`;

/** An accepted site sheet (with or without exceptions) is a sign-off; the first one counts. */
const SIGNED = `SELECT site_id, MIN(signed_at) AS at FROM sign_off_sheets
  WHERE deployment_id = @deploymentId AND kind = 'site_complete' AND decision <> 'rejected' GROUP BY site_id`;

export interface SiteBaseRow {
  id: string;
  code: string;
  name: string;
  waveId: string | null;
  status: string;
  timeZone: string;
  windowStart: string | null;
  windowEnd: string | null;
  updatedAt: string;
  expected: number;
  received: number;
  surplus: number;
  damaged: number;
  signedAt: string | null;
  rollbacks: number;
  firstChecklist: string | null;
  firstReceived: string | null;
  firstCheck: string | null;
  firstInProgress: string | null;
}

const SITE_BASE = `
WITH signed AS (${SIGNED})
SELECT s.id, s.code, s.name, s.wave_id AS waveId, s.status, s.time_zone AS timeZone, s.window_start AS windowStart, s.window_end AS windowEnd, s.updated_at AS updatedAt,
  COALESCE(ic.expected, 0) AS expected, COALESCE(ic.received, 0) AS received, COALESCE(ic.surplus, 0) AS surplus, COALESCE(ic.damaged, 0) AS damaged,
  signed.at AS signedAt,
  (SELECT COUNT(*) FROM site_rollbacks r WHERE r.site_id = s.id) AS rollbacks,
  (SELECT MIN(c.state_at) FROM checklist_items c WHERE c.site_id = s.id AND c.state_at IS NOT NULL) AS firstChecklist,
  (SELECT MIN(i.received_at) FROM inventory_items i WHERE i.site_id = s.id AND i.received_at IS NOT NULL) AS firstReceived,
  (SELECT MIN(cr.started_at) FROM check_runs cr WHERE cr.site_id = s.id) AS firstCheck,
  (SELECT MIN(a.at) FROM activity a WHERE a.site_id = s.id AND a.entity = 'site' AND a.action = 'status_changed'
     AND json_extract(a.detail, '$.to') = 'in_progress') AS firstInProgress
FROM sites s
LEFT JOIN inventory_counts ic ON ic.site_id = s.id
LEFT JOIN signed ON signed.site_id = s.id
WHERE s.deployment_id = @deploymentId
ORDER BY s.code`;

export interface SiteIssueRow {
  siteId: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  blocking: number;
}

const SITE_ISSUES = `
SELECT i.site_id AS siteId,
  SUM(i.status IN ${OPEN} AND i.severity = 'critical') AS critical,
  SUM(i.status IN ${OPEN} AND i.severity = 'high') AS high,
  SUM(i.status IN ${OPEN} AND i.severity = 'medium') AS medium,
  SUM(i.status IN ${OPEN} AND i.severity = 'low') AS low,
  SUM(i.status IN ${OPEN} AND i.blocks_sign_off = 1) AS blocking
FROM sites s JOIN issues i ON i.site_id = s.id
WHERE s.deployment_id = @deploymentId
GROUP BY i.site_id`;

export interface SiteCheckRow {
  siteId: string;
  pass: number;
  fail: number;
  error: number;
  targets: number;
}

/**
 * The newest finished run per target (a run of "this machine" counts as one target of its site):
 * passed when it completed without failures or errors, failed when it completed with failures,
 * otherwise it could not check (error, unreachable, host key, …). `targets` is the planned target
 * machines, so a site with unchecked machines shows them as not checked.
 */
const SITE_CHECKS = `
WITH latest AS (
  SELECT cr.site_id, cr.outcome, cr.fail_count, cr.error_count,
    ROW_NUMBER() OVER (PARTITION BY cr.site_id, COALESCE(cr.target_id, '') ORDER BY cr.started_at DESC, cr.id DESC) AS rn
  FROM sites s JOIN check_runs cr ON cr.site_id = s.id
  WHERE s.deployment_id = @deploymentId AND cr.finished_at IS NOT NULL
), runs AS (
  SELECT site_id,
    SUM(outcome = 'completed' AND fail_count = 0 AND error_count = 0) AS pass,
    SUM(outcome = 'completed' AND fail_count > 0) AS fail,
    COUNT(*) - SUM(outcome = 'completed' AND (fail_count > 0 OR error_count = 0)) AS error,
    COUNT(*) AS checked
  FROM latest WHERE rn = 1 GROUP BY site_id
), planned AS (
  SELECT t.site_id, COUNT(*) AS n FROM sites s JOIN target_machines t ON t.site_id = s.id WHERE s.deployment_id = @deploymentId GROUP BY t.site_id
)
SELECT runs.site_id AS siteId, runs.pass, runs.fail, runs.error, MAX(runs.checked, COALESCE(planned.n, 0)) AS targets
FROM runs LEFT JOIN planned ON planned.site_id = runs.site_id
UNION ALL
SELECT planned.site_id, 0, 0, 0, planned.n FROM planned WHERE planned.site_id NOT IN (SELECT site_id FROM runs)`;

export interface IssueGroupRow {
  severity: string;
  category: string;
  total: number;
  open: number;
  openBlocking: number;
  quiet: number;
}

/** Issues by severity and category; `quiet`: opened after the site's sign-off, within the quiet period. */
const ISSUE_GROUPS = `
WITH signed AS (${SIGNED})
SELECT i.severity, i.category, COUNT(*) AS total,
  SUM(i.status IN ${OPEN}) AS open,
  SUM(i.status IN ${OPEN} AND i.blocks_sign_off = 1) AS openBlocking,
  SUM(signed.at IS NOT NULL AND i.created_at > signed.at AND julianday(i.created_at) <= julianday(signed.at) + @quietDays) AS quiet
FROM sites s JOIN issues i ON i.site_id = s.id LEFT JOIN signed ON signed.site_id = s.id
WHERE s.deployment_id = @deploymentId
GROUP BY i.severity, i.category`;

export interface DecisionRow {
  id: string;
  waveId: string;
  decision: 'go' | 'no_go';
  note: string;
  figures: string;
  decidedAt: string;
  decidedBy: string;
}

const DECISIONS = `
SELECT id, wave_id AS waveId, decision, note, figures, decided_at AS decidedAt, decided_by AS decidedBy
FROM wave_decisions WHERE deployment_id = @deploymentId ORDER BY decided_at DESC, id DESC`;

export interface DashboardRows {
  sites: SiteBaseRow[];
  issues: SiteIssueRow[];
  checks: SiteCheckRow[];
  issueGroups: IssueGroupRow[];
  decisions: DecisionRow[];
}

export function readDashboardRows(sqlite: Database.Database, deploymentId: string, quietDays: number): DashboardRows {
  const read = (sql: string, params: Record<string, unknown>) => cachedStatement(sqlite, sql).all(params);
  return {
    sites: read(SITE_BASE, { deploymentId }) as SiteBaseRow[],
    issues: read(SITE_ISSUES, { deploymentId }) as SiteIssueRow[],
    checks: read(SITE_CHECKS, { deploymentId }) as SiteCheckRow[],
    issueGroups: read(ISSUE_GROUPS, { deploymentId, quietDays }) as IssueGroupRow[],
    decisions: read(DECISIONS, { deploymentId }) as DecisionRow[],
  };
}
