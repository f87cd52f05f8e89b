import type { ApiParsedInput } from '../../shared/contract';
import type { DeploymentReview, PostDeploymentReview } from '../../shared/contract/review-methods';
import type { MilestoneReview, ReviewActionItem } from '../../shared/domain/deployment-review';
import { outageMinutesWithin } from '../../shared/logic/downtime';
import { reviewMeasures, type MeasureIssue, type MeasureSite } from '../../shared/logic/review-measures';
import { readImpacts } from '../dashboard/downtime-rows';
import { notFound } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { closeoutSites, closeoutStatus, siteVerdict } from './closeout-status';

/** One review per deployment, by a fixed id: two managers' edits meet on one synced row. */
export const reviewIdOf = (deploymentId: string) => `review:${deploymentId}`;

function requireDeployment(ctx: ServiceContext, deploymentId: string): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM deployments WHERE id = ?').get(deploymentId)) throw notFound('Deployment', deploymentId);
}

export function readReview(ctx: ServiceContext, deploymentId: string): DeploymentReview | null {
  const row = ctx.sqlite
    .prepare(
      'SELECT went_well AS wentWell, went_badly AS wentBadly, action_items AS actionItems, updated_at AS updatedAt, updated_by AS updatedBy FROM deployment_reviews WHERE deployment_id = ? ORDER BY updated_at DESC, id LIMIT 1',
    )
    .get(deploymentId) as (Omit<DeploymentReview, 'actionItems'> & { actionItems: string }) | undefined;
  if (!row) return null;
  return { ...row, actionItems: JSON.parse(row.actionItems) as ReviewActionItem[] };
}

/** The measures from the deployment's sites, rollbacks, sheets, issues and the quiet period. */
export function computeReviewMeasures(ctx: ServiceContext, deploymentId: string) {
  const status = closeoutStatus(ctx, deploymentId);
  const rollbacksOf = ctx.sqlite.prepare('SELECT created_at AS at, reason FROM site_rollbacks WHERE site_id = ? ORDER BY created_at, id');
  const sites: MeasureSite[] = closeoutSites(ctx, deploymentId).map((s) => {
    const verdict = siteVerdict(s);
    return {
      code: s.code,
      name: s.name,
      status: s.status,
      verdict: verdict.kind,
      signedOffAt: verdict.kind === 'signed_off' ? verdict.at : null,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      rollbacks: rollbacksOf.all(s.id) as { at: string; reason: string }[],
      rejectedAt: s.sheetDecision === 'rejected' ? s.sheetSignedAt : null,
    };
  });
  const issues = ctx.sqlite
    .prepare(
      `SELECT s.code AS siteCode, i.number, i.title, i.severity, i.created_at AS createdAt
       FROM issues i JOIN sites s ON s.id = i.site_id WHERE s.deployment_id = ? ORDER BY i.created_at, s.code, i.number`,
    )
    .all(deploymentId) as MeasureIssue[];
  const closures = (
    ctx.sqlite
      .prepare(
        `SELECT e.at FROM issue_events e JOIN issues i ON i.id = e.issue_id JOIN sites s ON s.id = i.site_id
         WHERE s.deployment_id = ? AND e.to_status IN ('resolved', 'closed') ORDER BY e.at`,
      )
      .all(deploymentId) as { at: string }[]
  ).map((r) => r.at);
  // Outage minutes inside the same quiet period as the incidents; an open outage counts up to now, so
  // once the quiet period is over (when the milestone can be signed) the figure no longer moves.
  const quietDowntimeMinutes = outageMinutesWithin(
    readImpacts(ctx.sqlite, deploymentId),
    status.lastSignOffAt,
    status.quietPeriodEndsAt,
    Date.parse(ctx.clock.now()),
  );
  return {
    measures: reviewMeasures({
      sites,
      issues,
      issueClosures: closures,
      quietStart: status.lastSignOffAt,
      quietEnd: status.quietPeriodEndsAt,
      quietDowntimeMinutes,
    }),
    siteStatuses: sites.map((s) => ({ code: s.code, status: s.status })),
  };
}

/** What the milestone sheet covers of the review: the saved texts with today's measures; undefined while none is saved. */
export function milestoneReviewPart(ctx: ServiceContext, deploymentId: string): MilestoneReview | undefined {
  const review = readReview(ctx, deploymentId);
  return review ? { ...review, measures: computeReviewMeasures(ctx, deploymentId).measures } : undefined;
}

/** `closeout.review`. */
export function getPostDeploymentReview(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'closeout.review'>): PostDeploymentReview {
  requireDeployment(ctx, deploymentId);
  return { deploymentId, review: readReview(ctx, deploymentId), ...computeReviewMeasures(ctx, deploymentId) };
}

/** `closeout.saveReview`: writes the deployment's one review row (insert or update). */
export function savePostDeploymentReview(ctx: ServiceContext, input: ApiParsedInput<'closeout.saveReview'>): DeploymentReview {
  requireDeployment(ctx, input.deploymentId);
  const at = ctx.clock.now();
  const who = ctx.actor();
  const items = JSON.stringify(input.actionItems.map((a) => ({ text: a.text, owner: a.owner, due: a.due })));
  ctx.sqlite
    .prepare(
      `INSERT INTO deployment_reviews (id, deployment_id, went_well, went_badly, action_items, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @deploymentId, @wentWell, @wentBadly, @items, @at, @who, @at, @who)
       ON CONFLICT (id) DO UPDATE SET went_well = excluded.went_well, went_badly = excluded.went_badly, action_items = excluded.action_items,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run({
      id: reviewIdOf(input.deploymentId),
      deploymentId: input.deploymentId,
      wentWell: input.wentWell,
      wentBadly: input.wentBadly,
      items,
      at,
      who,
    });
  recordActivity(
    ctx,
    { action: 'reviewed', entity: 'deployment', entityId: input.deploymentId, detail: { actionItems: input.actionItems.length } },
    at,
  );
  return readReview(ctx, input.deploymentId)!;
}
