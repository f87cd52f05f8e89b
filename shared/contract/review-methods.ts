import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { deploymentReviewSchema, reviewActionItemSchema, reviewMeasuresSchema, type DeploymentReview } from '../domain/deployment-review';
import { siteStatusSchema } from '../domain/enums';
import { command, managersOnly, query } from './define';
import { limitedText } from './text-fields';

export { deploymentReviewSchema, reviewMeasuresSchema, type DeploymentReview };

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
          actionItems: z
            .array(
              reviewActionItemSchema.extend({
                text: limitedText(1000).pipe(z.string().min(1, 'Action is required')),
                owner: limitedText(200).pipe(z.string().min(1, 'Owner is required')),
              }),
            )
            .max(100),
        })
        .strict(),
      deploymentReviewSchema,
      'Save the post-deployment review (what went well, what went badly, action items with owner and due date); one per deployment',
    ),
  ),
} as const;
