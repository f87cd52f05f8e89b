import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { milestoneReviewProblem } from '../../shared/logic/milestone-review-rule';
import { DomainError } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { signSheet } from '../signoff/signoff-service';
import { closeoutStatus } from './closeout-status';
import { readReview } from './review-service';

/**
 * `signoff.sign` with the close-out rules: an accepting Deployment Complete Milestone is refused
 * (naming every unmet condition) until the deployment is ready to close and the post-deployment
 * review is saved (shared/logic/milestone-review-rule.ts), and sets the deployment
 * `complete` in the same transaction. A rejected milestone ("not complete yet") may be recorded at
 * any time. Site sheets pass straight through.
 */
export function signWithCloseoutRules(
  ctx: ServiceContext,
  dataDir: string,
  input: ApiParsedInput<'signoff.sign'>,
): ApiOutput<'signoff.sign'> {
  if (input.kind !== 'deployment_milestone' || !input.deploymentId) return signSheet(ctx, dataDir, input);
  const status = input.decision === 'rejected' ? null : closeoutStatus(ctx, input.deploymentId);
  if (status && !status.ready) {
    const missing = status.conditions.filter((c) => !c.met).map((c) => `${c.title}: ${c.detail}`);
    throw new DomainError('rule', `The deployment is not ready to close. ${missing.join('. ')}`);
  }
  const reviewProblem = status ? milestoneReviewProblem(readReview(ctx, input.deploymentId)) : null;
  if (reviewProblem) throw new DomainError('rule', reviewProblem);
  const result = signSheet(ctx, dataDir, input);
  if (input.decision !== 'rejected') {
    const at = ctx.clock.now();
    ctx.sqlite
      .prepare("UPDATE deployments SET status = 'complete', updated_at = ?, updated_by = ? WHERE id = ?")
      .run(at, ctx.actor(), input.deploymentId);
    recordActivity(
      ctx,
      { action: 'completed', entity: 'deployment', entityId: input.deploymentId, detail: { milestoneSheetId: result.sheet.id } },
      at,
    );
  }
  return result;
}
