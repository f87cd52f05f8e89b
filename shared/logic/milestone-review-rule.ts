/**
 * The Deployment Complete Milestone covers the post-deployment review (MOF Deploy: the milestone
 * closes with a review), so an accepting milestone needs a saved review that says something: what
 * went well or what went badly. A rejected milestone ("not complete yet") needs none. One rule for
 * the core, which refuses the sheet, and the close-out panel, which says so before signing.
 */
export const MILESTONE_REVIEW_MISSING =
  'The Deployment Complete Milestone covers the post-deployment review: save the review (what went well, what went badly, action items) in the close-out first';

export function milestoneReviewProblem(review: { wentWell: string; wentBadly: string } | null): string | null {
  if (!review) return MILESTONE_REVIEW_MISSING;
  if (review.wentWell.trim() === '' && review.wentBadly.trim() === '')
    return `${MILESTONE_REVIEW_MISSING} (the saved review says neither what went well nor what went badly)`;
  return null;
}
