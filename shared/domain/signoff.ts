import { z } from 'zod';
import { siteLanguageSchema } from '../i18n/languages';
import { idSchema } from './audit';
import { milestoneReviewSchema } from './deployment-review';
import { issueCategorySchema, issueSeveritySchema, issueStatusSchema } from './issue';
import { reviewTrainingSchema } from './training';

export const signOffKindSchema = z.enum(['core_components', 'site_complete', 'deployment_milestone']);
export type SignOffKind = z.infer<typeof signOffKindSchema>;
export const signOffDecisionSchema = z.enum(['accepted', 'accepted_with_exceptions', 'rejected']);
export type SignOffDecision = z.infer<typeof signOffDecisionSchema>;

export const SIGN_OFF_KIND_LABELS: Record<SignOffKind, string> = {
  core_components: 'Core components deployed',
  site_complete: 'Site deployment complete',
  deployment_milestone: 'Deployment Complete Milestone',
};
export const SIGN_OFF_DECISION_LABELS: Record<SignOffDecision, string> = {
  accepted: 'Accepted',
  accepted_with_exceptions: 'Accepted with exceptions',
  rejected: 'Rejected',
};

const reviewIssueSchema = z.object({
  id: idSchema,
  siteCode: z.string(),
  number: z.number().int(),
  title: z.string(),
  severity: issueSeveritySchema,
  category: issueCategorySchema,
  status: issueStatusSchema,
  blocksSignOff: z.boolean(),
  escalationLevel: z.number().int(),
});
export type ReviewIssue = z.infer<typeof reviewIssueSchema>;

/** A photo a site sheet covers: its content hash and what it shows (e.g. "Checklist: Mount firewall"). */
export const reviewPhotoSchema = z.object({ sha256: z.string(), subject: z.string() });
export type ReviewPhoto = z.infer<typeof reviewPhotoSchema>;

/**
 * Exactly what a sheet covers. Built from the database by the core; its canonical hash (the
 * review hash) is compared with the newest sheet's to tell "changed since sign-off".
 */
export const signOffReviewSchema = z.object({
  kind: signOffKindSchema,
  deployment: z.object({ id: idSchema, name: z.string(), version: z.string() }),
  site: z
    .object({
      id: idSchema,
      code: z.string(),
      name: z.string(),
      address: z.string(),
      timeZone: z.string(),
      ownerName: z.string(),
      ownerEmail: z.string(),
    })
    .nullable(),
  components: z.array(z.object({ name: z.string(), kind: z.string(), scope: z.string(), targetVersion: z.string().nullable() })),
  checklist: z.array(
    z.object({
      phase: z.string(),
      done: z.number().int(),
      total: z.number().int(),
      failed: z.number().int(),
      openRequired: z.number().int(),
      completedAt: z.string().nullable(),
    }),
  ),
  /** The latest finished check run per target machine ("not checked" when none). */
  checks: z.array(
    z.object({ target: z.string(), role: z.string(), outcome: z.string(), result: z.string(), finishedAt: z.string().nullable() }),
  ),
  inventory: z
    .object({
      expected: z.number().int(),
      received: z.number().int(),
      missing: z.number().int(),
      surplus: z.number().int(),
      damaged: z.number().int(),
      /** Items not in a finished state (missing, damaged, surplus, not yet received). */
      exceptions: z.array(
        z.object({ assetTag: z.string(), model: z.string(), serial: z.string(), state: z.string(), surplus: z.boolean() }),
      ),
    })
    .nullable(),
  /** Deployment milestone only: every site with its status and newest site sheet. */
  sites: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        status: z.string(),
        sheetHash: z.string().nullable(),
        sheetDecision: z.string().nullable(),
      }),
    )
    .nullable(),
  issues: z.array(reviewIssueSchema),
  /** Site sheets: rollbacks of the site so far (a rollback after signing makes the sheet out of date). */
  rollbacks: z.array(z.object({ at: z.string(), reason: z.string() })),
  /** Site complete sheets: training sessions and attendance, when the site has any; absent on older sheets. */
  training: reviewTrainingSchema.optional(),
  /** Deployment milestone only: the post-deployment review with its measures, once saved; absent on older sheets. */
  postDeploymentReview: milestoneReviewSchema.optional(),
  /** Site complete sheets: the photo evidence (checklist items, issues) by SHA-256, when the site has any; absent on older sheets. */
  photos: z.array(reviewPhotoSchema).optional(),
});
export type SignOffReview = z.infer<typeof signOffReviewSchema>;

export const signOffExceptionSchema = z.object({
  issueId: idSchema,
  number: z.number().int(),
  siteCode: z.string(),
  title: z.string(),
  reason: z.string(),
});
export type SignOffException = z.infer<typeof signOffExceptionSchema>;

export const gapKindSchema = z.enum(['checklist_item', 'missing_item', 'failed_check', 'open_issue', 'open_outage']);
export const reviewGapSchema = z.object({ id: z.string(), kind: gapKindSchema, label: z.string() });
export type ReviewGap = z.infer<typeof reviewGapSchema>;
/** An open gap as a sheet records it, with the reason it was accepted ('' when none was given). */
export const signOffGapSchema = reviewGapSchema.extend({ reason: z.string() });
export type SignOffGap = z.infer<typeof signOffGapSchema>;

/** The signed part of a sheet: everything the hash covers. */
export const sheetContentSchema = z.object({
  format: z.literal('outpost.signoff/1'),
  sheetId: idSchema,
  review: signOffReviewSchema,
  decision: signOffDecisionSchema,
  reason: z.string(),
  exceptions: z.array(signOffExceptionSchema),
  /** The statement exactly as shown to the signer, in `language`. */
  statement: z.string(),
  /** The language the sheet was signed in (shared/i18n); absent on sheets signed before languages (English). */
  language: siteLanguageSchema.optional(),
  signer: z.object({ name: z.string(), role: z.string(), email: z.string().nullable() }),
  signatureImage: z.object({ mediaType: z.literal('image/png'), sha256: z.string(), base64: z.string() }),
  /** UTC, ISO 8601 with milliseconds. */
  signedAt: z.string(),
  /** The signer's IANA time zone, kept apart from the UTC time. */
  signerTimeZone: z.string(),
  deviceId: z.string(),
  /** The gate rule that judged the sheet (shared/signoff/gates.ts); absent on sheets signed before the gates. */
  gateRule: z.string().optional(),
  /** Every open gap when it was signed, each with its reason; absent on sheets signed before the gates. */
  gaps: z.array(signOffGapSchema).optional(),
});
export type SheetContent = z.infer<typeof sheetContentSchema>;

/** A complete, self-contained sheet: content, its SHA-256, the device's Ed25519 signature and public key. */
export const signedSheetSchema = z.object({
  content: sheetContentSchema,
  hash: z.object({ algorithm: z.literal('sha256'), value: z.string() }),
  signature: z.object({ algorithm: z.literal('ed25519'), value: z.string() }),
  publicKey: z.object({ format: z.literal('spki-der-base64'), value: z.string(), fingerprint: z.string() }),
});
export type SignedSheet = z.infer<typeof signedSheetSchema>;

export const sheetSummarySchema = z.object({
  id: idSchema,
  kind: signOffKindSchema,
  siteId: idSchema.nullable(),
  decision: signOffDecisionSchema,
  signerName: z.string(),
  signerRole: z.string(),
  signedAt: z.string(),
  signerTimeZone: z.string(),
  contentHash: z.string(),
  keyFingerprint: z.string(),
  exceptionCount: z.number().int(),
  /** What the signer read: the statement and its language (null on sheets signed before languages: English). */
  statement: z.string(),
  language: siteLanguageSchema.nullable(),
  valid: z.boolean(),
  invalidReason: z.string().nullable(),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;
