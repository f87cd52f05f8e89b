import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { checkRunSummarySchema } from '../domain/check-run';
import { checklistPhaseViewSchema } from '../domain/checklist';
import { inventoryStateSchema, siteStatusSchema } from '../domain/enums';
import { reconciliationSchema } from '../domain/inventory';
import { issueEventSchema, issueSchema } from '../domain/issue';
import { sheetSummarySchema } from '../domain/signoff';
import { trainingSessionSchema } from '../domain/training';

/** One inventory item as the report lists it. */
export const reportItemSchema = z.object({
  id: idSchema,
  manufacturer: z.string(),
  model: z.string(),
  expectedSerial: z.string().nullable(),
  foundSerial: z.string().nullable(),
  assetTag: z.string().nullable(),
  location: z.string(),
  state: inventoryStateSchema,
  isSurplus: z.boolean(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  note: z.string(),
});
export type ReportItem = z.infer<typeof reportItemSchema>;

export const reportAttachmentSchema = z.object({
  sha256: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** What refers to it: "Issue #3", "Sign-off sheet (site complete)", … */
  usedBy: z.array(z.string()),
  /** The bytes are on this device and match the hash. */
  intact: z.boolean(),
});

export const reportIssueSchema = issueSchema.extend({
  events: z.array(issueEventSchema),
  attachments: z.array(z.object({ eventId: idSchema, sha256: z.string(), mediaType: z.string(), size: z.number().int() })),
});
export type ReportIssue = z.infer<typeof reportIssueSchema>;

/** Everything a release manager reads about one site, built from local data. */
export const siteReportSchema = z.object({
  summary: z.object({
    siteId: idSchema,
    code: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string(),
    ownerName: z.string(),
    deployment: z.object({ id: idSchema, name: z.string(), version: z.string() }),
    wave: z.object({ id: idSchema, name: z.string(), sequence: z.number().int(), isPilot: z.boolean() }).nullable(),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    status: siteStatusSchema,
    technicians: z.array(z.string()),
    /** Earliest field activity: an item received, a checklist item changed, a check run, an issue. */
    firstActivityAt: z.string().nullable(),
    /** The newest accepted site-complete sheet. */
    signedOffAt: z.string().nullable(),
  }),
  inventory: z.object({
    reconciliation: reconciliationSchema,
    missing: z.array(reportItemSchema),
    damaged: z.array(reportItemSchema),
    surplus: z.array(reportItemSchema),
    received: z.array(reportItemSchema),
  }),
  checkRuns: z.object({
    /** The newest run of each target (and of the technician's machine), with pass/fail counts. */
    latest: z.array(checkRunSummarySchema),
    /** Every run, newest first. */
    history: z.array(checkRunSummarySchema),
  }),
  checklist: z.object({ done: z.number().int(), total: z.number().int(), phases: z.array(checklistPhaseViewSchema) }),
  issues: z.array(reportIssueSchema),
  signOffs: z.array(sheetSummarySchema),
  rollbacks: z.array(
    z.object({
      id: idSchema,
      reason: z.string(),
      previousStatus: z.string(),
      issueIds: z.array(z.string()),
      createdAt: z.string(),
      createdBy: z.string(),
    }),
  ),
  /** Training sessions (APQC 8.6.5.1), oldest first, each with its attendance list and materials. */
  training: z.array(trainingSessionSchema),
  attachments: z.array(reportAttachmentSchema),
});
export type SiteReport = z.infer<typeof siteReportSchema>;
