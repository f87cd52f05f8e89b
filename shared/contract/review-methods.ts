import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { reviewActionItemSchema } from '../domain/deployment-review';
import { siteStatusSchema } from '../domain/enums';
import { command, managersOnly, query } from './define';
import { limitedText } from './text-fields';

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
    incidents: z.array(z.object({ siteCode: z.string(), number: z.number().int(), title: z.string(), severity: z.string(), createdAt: z.string() })),
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

export const postDeploymentReviewSchema = z.object({
  deploymentId: idSchema,
  review: deploymentReviewSchema.nullable(),
  measures: reviewMeasuresSchema,
  /** Sites with a status (for the review's context). */
  siteStatuses: z.array(z.object({ code: z.string(), status: siteStatusSchema })),
});
export type PostDeploymentReview = z.infer<typeof postDeploymentReviewSchema>;

export const reviewMethods = {
  'closeout.review': query(
    z.object({ deploymentId: idSchema }).strict(),
    postDeploymentReviewSchema,
    "The post-deployment review: the release manager's notes and action items, and the measures computed from the data",
  ),
  'closeout.saveReview': managersOnly(
    command(
      z
        .object({
          deploymentId: idSchema,
          wentWell: limitedText(),
          wentBadly: limitedText(),
          actionItems: z.array(reviewActionItemSchema.extend({ text: limitedText(1000).pipe(z.string().min(1, 'Action is required')), owner: limitedText(200).pipe(z.string().min(1, 'Owner is required')) })).max(100),
        })
        .strict(),
      deploymentReviewSchema,
      'Save the post-deployment review (what went well, what went badly, action items with owner and due date); one per deployment',
    ),
  ),
} as const;
