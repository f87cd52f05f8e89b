import { asc, eq } from 'drizzle-orm';
import { isRequirementKind, requirementParamsSchemas } from '../../shared/checks/requirement-kinds';
import { CHECKLIST_PHASES } from '../../shared/domain/enums';
import { PLAN_TEMPLATE_FORMAT, PLAN_TEMPLATE_VERSION, type PlanTemplate } from '../../shared/plan-template/plan-template-schema';
import { wavesToOffsets } from '../../shared/plan-template/wave-offsets';
import { requireDeployment } from '../authoring/deployment-authoring';
import { templateItemsOf } from '../authoring/template-items';
import { components, requirements, waves } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

/** Parameters as `requirements.create` will store them (defaults written out), so export → import → export is stable. */
function withDefaults(kind: string, params: Record<string, unknown>): Record<string, unknown> {
  if (!isRequirementKind(kind)) return params;
  const parsed = requirementParamsSchemas[kind].safeParse(params);
  return parsed.success ? (parsed.data as Record<string, unknown>) : params;
}

/** A deployment's plan as a template: no ids, no sites, inventory, machines or field work. */
export function buildPlanTemplate(ctx: ServiceContext, deploymentId: string): PlanTemplate {
  const deployment = requireDeployment(ctx, deploymentId);
  const waveRows = ctx.db.select().from(waves).where(eq(waves.deploymentId, deploymentId)).orderBy(asc(waves.sequence)).all();
  const componentRows = ctx.db
    .select()
    .from(components)
    .where(eq(components.deploymentId, deploymentId))
    .orderBy(asc(components.createdAt), asc(components.id))
    .all();
  const requirementRows = ctx.db
    .select()
    .from(requirements)
    .where(eq(requirements.deploymentId, deploymentId))
    .orderBy(asc(requirements.createdAt), asc(requirements.id))
    .all();
  const items = templateItemsOf(ctx, deploymentId).sort(
    (a, b) => CHECKLIST_PHASES.indexOf(a.phase) - CHECKLIST_PHASES.indexOf(b.phase) || a.position - b.position,
  );
  const keyOf = new Map(items.map((item, index) => [item.id, `item-${index + 1}`]));
  return {
    format: PLAN_TEMPLATE_FORMAT,
    version: PLAN_TEMPLATE_VERSION,
    exportedAt: ctx.clock.now(),
    source: { name: deployment.name, version: deployment.version },
    deployment: { description: deployment.description, quietPeriodDays: deployment.quietPeriodDays },
    waves: wavesToOffsets(waveRows),
    components: componentRows.map((c) => ({
      name: c.name,
      kind: c.kind,
      scope: c.scope,
      targetVersion: c.targetVersion,
      manufacturer: c.manufacturer,
      model: c.model,
    })),
    requirements: requirementRows.map((r) => ({
      kind: r.kind,
      description: r.description,
      targetRole: r.targetRole,
      params: withDefaults(r.kind, r.params),
    })),
    checklist: items.map((item) => ({
      key: keyOf.get(item.id) ?? item.id,
      phase: item.phase,
      title: item.title,
      instructions: item.instructions,
      required: item.required,
      evidence: item.evidence,
      // A dependency on an item no longer in the template is dropped, as deleting an item does.
      dependsOn: item.dependsOn ? (keyOf.get(item.dependsOn) ?? null) : null,
      ownerPrepares: item.ownerPrepares,
    })),
  };
}

/** "pos-rollout-5.2.outpost-plan.json": a file name from the deployment's name and version. */
export function planTemplateFileName(template: PlanTemplate): string {
  const base = [template.source?.name ?? 'plan', template.source?.version ?? ''].filter(Boolean).join('-');
  const safe =
    base
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'plan';
  return `${safe}.outpost-plan.json`;
}
