import type Database from 'better-sqlite3';
import type { SiteStatus } from '../../shared/domain/enums';
import type { IssueSeverity } from '../../shared/domain/issue';
import type { SignOffDecision } from '../../shared/domain/signoff';

export interface CloseoutSiteRow {
  id: string;
  code: string;
  name: string;
  status: SiteStatus;
  windowStart: string | null;
  windowEnd: string | null;
  /** Decision of the site's newest site-complete sheet (null: none). */
  sheetDecision: SignOffDecision | null;
  /** When that newest sheet was signed. */
  sheetSignedAt: string | null;
  rollbacks: number;
}

/** Each site of the deployment with its newest site-complete sheet and its rollback count. */
export function readCloseoutSites(sqlite: Database.Database, deploymentId: string): CloseoutSiteRow[] {
  return sqlite
    .prepare(
      `SELECT s.id, s.code, s.name, s.status, s.window_start AS windowStart, s.window_end AS windowEnd,
         (SELECT decision FROM sign_off_sheets x WHERE x.site_id = s.id AND x.kind = 'site_complete' ORDER BY x.signed_at DESC, x.id DESC LIMIT 1) AS sheetDecision,
         (SELECT signed_at FROM sign_off_sheets x WHERE x.site_id = s.id AND x.kind = 'site_complete' ORDER BY x.signed_at DESC, x.id DESC LIMIT 1) AS sheetSignedAt,
         (SELECT count(*) FROM site_rollbacks r WHERE r.site_id = s.id) AS rollbacks
       FROM sites s WHERE s.deployment_id = ? ORDER BY s.code, s.id`,
    )
    .all(deploymentId) as CloseoutSiteRow[];
}

export interface BlockingIssueRow {
  issueId: string;
  siteId: string;
  siteCode: string;
  number: number;
  title: string;
  severity: IssueSeverity;
}

/** Open issues (open, in progress, escalated) that block sign-off, at any site of the deployment. */
export function readOpenBlockingIssues(sqlite: Database.Database, deploymentId: string): BlockingIssueRow[] {
  return sqlite
    .prepare(
      `SELECT i.id AS issueId, i.site_id AS siteId, s.code AS siteCode, i.number, i.title, i.severity
       FROM issues i JOIN sites s ON s.id = i.site_id
       WHERE s.deployment_id = ? AND i.blocks_sign_off = 1 AND i.status IN ('open', 'in_progress', 'escalated')
       ORDER BY s.code, i.number`,
    )
    .all(deploymentId) as BlockingIssueRow[];
}

export interface MilestoneRow {
  sheetId: string;
  decision: SignOffDecision;
  signerName: string;
  signerRole: string;
  signedAt: string;
  contentHash: string;
  keyFingerprint: string;
}

/** The deployment's newest Deployment Complete Milestone sheet. */
export function readNewestMilestone(sqlite: Database.Database, deploymentId: string): MilestoneRow | null {
  const row = sqlite
    .prepare(
      `SELECT id AS sheetId, decision, signer_name AS signerName, signer_role AS signerRole, signed_at AS signedAt,
         content_hash AS contentHash, key_fingerprint AS keyFingerprint
       FROM sign_off_sheets WHERE deployment_id = ? AND kind = 'deployment_milestone'
       ORDER BY signed_at DESC, id DESC LIMIT 1`,
    )
    .get(deploymentId) as MilestoneRow | undefined;
  return row ?? null;
}
