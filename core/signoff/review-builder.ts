import type { Issue } from '../../shared/domain/issue';
import type { ReviewIssue, SignOffKind, SignOffReview } from '../../shared/domain/signoff';
import { CHECKLIST_PHASES } from '../../shared/domain/enums';
import { milestoneReviewPart } from '../closeout/review-service';
import { getDeployment } from '../services/deployment-service';
import { listSiteIssues } from '../services/issue-service';
import { reconcile } from '../services/inventory-rows';
import type { ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { latestChecksPerTarget } from './review-checks';
import { reviewPhotos } from './review-photos';
import { reviewTraining } from '../training/review-training';

const toReviewIssue =
  (siteCode: string) =>
  (i: Issue): ReviewIssue => ({
    id: i.id,
    siteCode,
    number: i.number,
    title: i.title,
    severity: i.severity,
    category: i.category,
    status: i.status,
    blocksSignOff: i.blocksSignOff,
    escalationLevel: i.escalationLevel,
  });

function deploymentPart(ctx: ServiceContext, deploymentId: string, coreOnly: boolean) {
  const { deployment, components } = getDeployment(ctx, { deploymentId });
  return {
    deployment: { id: deployment.id, name: deployment.name, version: deployment.version },
    components: components
      .filter((c) => !coreOnly || c.scope === 'core')
      .map((c) => ({ name: c.name, kind: c.kind, scope: c.scope, targetVersion: c.targetVersion })),
  };
}

function checklistPart(ctx: ServiceContext, siteId: string): SignOffReview['checklist'] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT phase, count(*) AS total, sum(state IN ('done','not_applicable')) AS done, sum(state = 'failed') AS failed,
         sum(required = 1 AND state IN ('todo','failed')) AS openRequired
       FROM checklist_items WHERE site_id = ? GROUP BY phase`,
    )
    .all(siteId) as { phase: string; total: number; done: number; failed: number; openRequired: number }[];
  const completed = new Map(
    (
      ctx.sqlite.prepare('SELECT phase, completed_at AS at FROM checklist_phases WHERE site_id = ?').all(siteId) as {
        phase: string;
        at: string;
      }[]
    ).map((r) => [r.phase, r.at]),
  );
  // A plan without hand-over items reviews (and hashes) as it did before the phase existed.
  return CHECKLIST_PHASES.filter((phase) => phase !== 'handover' || rows.some((r) => r.phase === phase)).map((phase) => {
    const row = rows.find((r) => r.phase === phase);
    return {
      phase,
      done: row?.done ?? 0,
      total: row?.total ?? 0,
      failed: row?.failed ?? 0,
      openRequired: row?.openRequired ?? 0,
      completedAt: completed.get(phase) ?? null,
    };
  });
}

function inventoryPart(ctx: ServiceContext, siteId: string): NonNullable<SignOffReview['inventory']> {
  const exceptions = ctx.sqlite
    .prepare(
      `SELECT coalesce(asset_tag, '') AS assetTag, model, coalesce(found_serial, expected_serial, '') AS serial, state, is_surplus AS surplus
       FROM inventory_items WHERE site_id = ? AND (is_surplus = 1 OR state NOT IN ('received','installed','verified'))
       ORDER BY is_surplus, asset_tag, id`,
    )
    .all(siteId) as { assetTag: string; model: string; serial: string; state: string; surplus: number }[];
  return { ...reconcile(ctx, siteId), exceptions: exceptions.map((e) => ({ ...e, surplus: e.surplus === 1 })) };
}

/** What a site sheet (core components or site complete) covers, read from the database now. */
export function buildSiteReview(ctx: ServiceContext, siteId: string, kind: Exclude<SignOffKind, 'deployment_milestone'>): SignOffReview {
  const site = requireSite(ctx, siteId);
  return {
    kind,
    ...deploymentPart(ctx, site.deploymentId, kind === 'core_components'),
    site: {
      id: site.id,
      code: site.code,
      name: site.name,
      address: site.address,
      timeZone: site.timeZone,
      ownerName: site.ownerName,
      ownerEmail: site.ownerEmail,
    },
    checklist: checklistPart(ctx, siteId),
    checks: latestChecksPerTarget(ctx, siteId),
    inventory: inventoryPart(ctx, siteId),
    sites: null,
    issues: listSiteIssues(ctx, siteId).map(toReviewIssue(site.code)),
    rollbacks: ctx.sqlite
      .prepare('SELECT created_at AS at, reason FROM site_rollbacks WHERE site_id = ? ORDER BY created_at, id')
      .all(siteId) as { at: string; reason: string }[],
    ...(kind === 'site_complete' ? { ...reviewTraining(ctx, siteId), ...reviewPhotos(ctx, siteId) } : {}),
  };
}

/**
 * The Deployment Complete Milestone: every site, its newest site sheet, the issues still open or
 * excepted, and the post-deployment review with its measures (left out while none is saved, so a
 * review without one hashes as before).
 */
export function buildMilestoneReview(ctx: ServiceContext, deploymentId: string): SignOffReview {
  const part = deploymentPart(ctx, deploymentId, false);
  const review = milestoneReviewPart(ctx, deploymentId);
  const sites = ctx.sqlite
    .prepare(
      `SELECT s.id, s.code, s.name, s.status,
         (SELECT content_hash FROM sign_off_sheets f WHERE f.site_id = s.id AND f.kind = 'site_complete' ORDER BY signed_at DESC, id DESC LIMIT 1) AS sheetHash,
         (SELECT decision FROM sign_off_sheets f WHERE f.site_id = s.id AND f.kind = 'site_complete' ORDER BY signed_at DESC, id DESC LIMIT 1) AS sheetDecision
       FROM sites s WHERE s.deployment_id = ? ORDER BY s.code`,
    )
    .all(deploymentId) as {
    id: string;
    code: string;
    name: string;
    status: string;
    sheetHash: string | null;
    sheetDecision: string | null;
  }[];
  const issues = sites.flatMap((s) =>
    listSiteIssues(ctx, s.id)
      .filter((i) => i.status === 'open' || i.status === 'in_progress' || i.status === 'escalated' || i.status === 'accepted_exception')
      .map(toReviewIssue(s.code)),
  );
  return {
    kind: 'deployment_milestone',
    ...part,
    site: null,
    checklist: [],
    checks: [],
    inventory: null,
    sites: sites.map(({ id: _id, ...s }) => s),
    issues,
    rollbacks: [],
    ...(review ? { postDeploymentReview: review } : {}),
  };
}
