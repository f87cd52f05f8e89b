import type { ApiOutput } from '../../shared/contract';
import type { PlanTemplate } from '../../shared/plan-template/plan-template-schema';
import { offsetsToWaves } from '../../shared/plan-template/wave-offsets';
import { saveTemplateItem } from '../authoring/checklist-template-authoring';
import { createRequirement } from '../authoring/requirement-authoring';
import { createWave } from '../authoring/wave-authoring';
import { components } from '../db/schema';
import { createDeployment } from '../services/deployment-service';
import { created, recordActivity, type ServiceContext } from '../services/service-context';

export interface NewDeployment {
  name: string;
  version: string;
  firstWaveStartsAt: string | null;
}

/**
 * A component as the source plan has it. Not through `components.create`: its maker-and-model rule
 * for hardware is newer than some plans (the sample's hardware has neither), and a copy must not
 * refuse a plan that exists. The template schema still bounds every field.
 */
function copyComponent(ctx: ServiceContext, deploymentId: string, component: PlanTemplate['components'][number]): void {
  const id = ctx.newId();
  ctx.db
    .insert(components)
    .values({ id, deploymentId, ...component, ...created(ctx) })
    .run();
  recordActivity(ctx, {
    action: 'created',
    entity: 'component',
    entityId: id,
    detail: { deploymentId, name: component.name, kind: component.kind },
  });
}

/**
 * A new draft deployment from a template, through the authoring functions (each checks its own
 * rules: a requirement's parameters, a wave's span, a dependency cycle). Run inside the caller's
 * transaction, so a template refused half-way leaves nothing behind.
 */
export function applyPlanTemplate(
  ctx: ServiceContext,
  template: PlanTemplate,
  target: NewDeployment,
  origin: Record<string, unknown>,
): ApiOutput<'planTemplates.import'> {
  const deployment = createDeployment(ctx, {
    name: target.name,
    version: target.version,
    description: template.deployment.description,
    quietPeriodDays: template.deployment.quietPeriodDays,
  });
  const deploymentId = deployment.id;
  for (const wave of offsetsToWaves(template.waves, target.firstWaveStartsAt)) createWave(ctx, { deploymentId, ...wave });
  for (const component of template.components) copyComponent(ctx, deploymentId, component);
  for (const requirement of template.requirements) createRequirement(ctx, { deploymentId, ...requirement });
  // Items first (in phase and position order), then their dependencies, which may point forward.
  const placed = new Map<string, { id: string; position: number }>();
  const perPhase = new Map<string, number>();
  for (const item of template.checklist) {
    const fields = {
      deploymentId,
      phase: item.phase,
      title: item.title,
      instructions: item.instructions,
      required: item.required,
      evidence: item.evidence,
      ownerPrepares: item.ownerPrepares,
    };
    const saved = saveTemplateItem(ctx, { ...fields, dependsOn: null });
    const position = (perPhase.get(item.phase) ?? 0) + 1;
    perPhase.set(item.phase, position);
    placed.set(item.key, { id: saved.id, position });
  }
  for (const item of template.checklist) {
    const self = placed.get(item.key);
    const on = item.dependsOn ? placed.get(item.dependsOn) : undefined;
    if (!self || !on) continue;
    const fields = {
      deploymentId,
      phase: item.phase,
      title: item.title,
      instructions: item.instructions,
      required: item.required,
      evidence: item.evidence,
      ownerPrepares: item.ownerPrepares,
    };
    saveTemplateItem(ctx, { ...fields, itemId: self.id, position: self.position, dependsOn: on.id });
  }
  recordActivity(ctx, { action: 'created_from_template', entity: 'deployment', entityId: deploymentId, detail: origin });
  return {
    deployment,
    counts: {
      waves: template.waves.length,
      components: template.components.length,
      requirements: template.requirements.length,
      checklistItems: template.checklist.length,
    },
  };
}
