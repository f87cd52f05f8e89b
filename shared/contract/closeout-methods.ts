import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { siteStatusSchema } from '../domain/enums';
import { issueSeveritySchema } from '../domain/issue';
import { signOffDecisionSchema } from '../domain/signoff';
import { action, query } from './define';

const count = z.number().int().min(0);

/** The three conditions of a close-out, in the order the UI lists them. */
export const closeoutConditionKeySchema = z.enum(['sites_accounted_for', 'quiet_period_over', 'no_open_blocking_issues']);
export type CloseoutConditionKey = z.infer<typeof closeoutConditionKeySchema>;

export const closeoutConditionSchema = z.object({
  key: closeoutConditionKeySchema,
  met: z.boolean(),
  title: z.string(),
  /** What is met, or exactly what is missing. */
  detail: z.string(),
});
export type CloseoutCondition = z.infer<typeof closeoutConditionSchema>;

/** A site that keeps the deployment from closing, and why. */
export const outstandingSiteSchema = z.object({
  siteId: idSchema,
  code: z.string(),
  name: z.string(),
  status: siteStatusSchema,
  reason: z.string(),
});

export const blockingIssueSchema = z.object({
  issueId: idSchema,
  siteId: idSchema,
  siteCode: z.string(),
  number: z.number().int(),
  title: z.string(),
  severity: issueSeveritySchema,
});

/** The newest Deployment Complete Milestone sheet, if any. */
export const milestoneSummarySchema = z.object({
  sheetId: idSchema,
  decision: signOffDecisionSchema,
  signerName: z.string(),
  signerRole: z.string(),
  signedAt: z.string(),
  /** SHA-256 of the signed canonical content. */
  contentHash: z.string(),
  keyFingerprint: z.string(),
});
export type MilestoneSummary = z.infer<typeof milestoneSummarySchema>;

/** Lists are cut at this length; the counts stay exact. */
export const CLOSEOUT_LIST_LIMIT = 200;

export const closeoutStatusSchema = z.object({
  deploymentId: idSchema,
  deploymentName: z.string(),
  quietPeriodDays: z.number().int(),
  checkedAt: z.string(),
  /** All conditions met: the milestone may be signed. */
  ready: z.boolean(),
  conditions: z.array(closeoutConditionSchema),
  sites: z.object({ total: count, signedOff: count, rolledBack: count, outstanding: count }),
  outstandingSites: z.array(outstandingSiteSchema),
  lastSignOffAt: z.string().nullable(),
  quietPeriodEndsAt: z.string().nullable(),
  openBlockingIssues: count,
  blockingIssues: z.array(blockingIssueSchema),
  /** The newest milestone sheet; `complete` when it accepted the deployment. */
  milestone: milestoneSummarySchema.nullable(),
  complete: z.boolean(),
});
export type CloseoutStatus = z.infer<typeof closeoutStatusSchema>;

export const exportedFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), sha256: z.string(), base64: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const closeoutMethods = {
  'closeout.status': query(
    z.object({ deploymentId: idSchema }).strict(),
    closeoutStatusSchema,
    'Close-out readiness of a deployment: sites signed off or rolled back, quiet period over, no open blocking issues; each unmet condition named; the milestone sheet if signed',
  ),
  'closeout.exportPdf': action(
    z.object({ deploymentId: idSchema }).strict(),
    exportedFileSchema,
    'The close-out report as PDF (base64): readiness, the dashboard measures per wave and in total, one row per site, the milestone sheet hash and signer',
  ),
  'closeout.exportCsv': query(
    z.object({ deploymentId: idSchema }).strict(),
    exportedFileSchema,
    'The close-out report as CSV (base64, UTF-8 with BOM): one row per site, then a summary section (per wave and total)',
  ),
} as const;
