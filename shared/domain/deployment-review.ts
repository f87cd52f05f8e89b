import { z } from 'zod';

/** One follow-up of the post-deployment review: what, who, by when (YYYY-MM-DD). */
export const reviewActionItemSchema = z.object({
  text: z.string().min(1).max(1000),
  owner: z.string().min(1).max(200),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Due date must be YYYY-MM-DD'),
});
export type ReviewActionItem = z.infer<typeof reviewActionItemSchema>;

const count = z.number().int().min(0);
const percent = z.number().min(0).max(100).nullable();

/** The seed measures of the post-deployment review (see shared/logic/review-measures.ts). */
export const reviewMeasuresSchema = z.object({
  sitesAttempted: count,
  signedOffWithoutRollback: count,
  successRatePercent: percent,
  rollbacks: z.array(z.object({ siteCode: z.string(), at: z.string(), reason: z.string() })),
  failedDeployments: z.array(z.object({ siteCode: z.string(), siteName: z.string(), reason: z.string() })),
  quietPeriod: z.object({
    start: z.string().nullable(),
    end: z.string().nullable(),
    incidents: z.array(
      z.object({ siteCode: z.string(), number: z.number().int(), title: z.string(), severity: z.string(), createdAt: z.string() }),
    ),
    /** Outage minutes inside the quiet period (shared/logic/downtime.ts outageMinutesWithin); null before it starts. */
    downtimeMinutes: z.number().min(0).nullable(),
  }),
  schedule: z.object({ signedOff: count, early: count, withinWindow: count, late: count, noWindow: count, adherencePercent: percent }),
  throughput: z.array(z.object({ week: z.string(), sitesSignedOff: count, issuesClosed: count })),
});

/** What the release manager wrote: what went well, what went badly, the follow-ups. */
export const deploymentReviewSchema = z.object({
  wentWell: z.string(),
  wentBadly: z.string(),
  actionItems: z.array(reviewActionItemSchema),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DeploymentReview = z.infer<typeof deploymentReviewSchema>;

/** The review as the Deployment Complete Milestone sheet signs it: the texts with the measures of that moment. */
export const milestoneReviewSchema = deploymentReviewSchema.extend({ measures: reviewMeasuresSchema });
export type MilestoneReview = z.infer<typeof milestoneReviewSchema>;
