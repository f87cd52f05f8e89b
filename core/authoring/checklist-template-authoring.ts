import { eq } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { TEMPLATE_CHANGE_NOTE } from '../../shared/contract/authoring-methods';
import type { ChecklistTemplateItem } from '../../shared/domain/checklist';
import { checklistTemplateItems, checklistTemplates } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { created, recordActivity, updated, type ServiceContext } from '../services/service-context';
import { invalid } from './author-guard';
import { requireDeployment } from './deployment-authoring';
import { renumber, templateIdsOf, templateItemsOf, wouldCycle } from './template-items';

export function getChecklistTemplate(
  ctx: ServiceContext,
  { deploymentId }: ApiParsedInput<'checklistTemplate.get'>,
): ApiOutput<'checklistTemplate.get'> {
  requireDeployment(ctx, deploymentId);
  return { templateId: templateIdsOf(ctx, deploymentId)[0] ?? null, items: templateItemsOf(ctx, deploymentId), note: TEMPLATE_CHANGE_NOTE };
}

function ensureTemplate(ctx: ServiceContext, deploymentId: string): string {
  const existing = templateIdsOf(ctx, deploymentId)[0];
  if (existing) return existing;
  const id = ctx.newId();
  ctx.db
    .insert(checklistTemplates)
    .values({ id, deploymentId, name: 'Site checklist', ...created(ctx) })
    .run();
  return id;
}

function touchTemplate(ctx: ServiceContext, templateId: string): void {
  ctx.db.update(checklistTemplates).set(updated(ctx)).where(eq(checklistTemplates.id, templateId)).run();
}

/** `checklistTemplate.saveItem`: add or edit one item, placed at `position` in its phase (others shift). */
export function saveTemplateItem(ctx: ServiceContext, input: ApiParsedInput<'checklistTemplate.saveItem'>): ChecklistTemplateItem {
  requireDeployment(ctx, input.deploymentId);
  const items = templateItemsOf(ctx, input.deploymentId);
  const current = input.itemId ? items.find((i) => i.id === input.itemId) : undefined;
  if (input.itemId && !current) throw notFound('Checklist template item', input.itemId);
  const id = current?.id ?? ctx.newId();
  if (input.dependsOn) {
    if (!items.some((i) => i.id === input.dependsOn))
      throw invalid('dependsOn', 'An item can only depend on another item of this template');
    if (input.dependsOn === id || wouldCycle(items, id, input.dependsOn))
      throw new DomainError('rule', 'That dependency would make a cycle');
  }
  const templateId = current?.templateId ?? ensureTemplate(ctx, input.deploymentId);
  const content = {
    phase: input.phase,
    title: input.title,
    instructions: input.instructions,
    required: input.required,
    evidence: input.evidence,
    dependsOn: input.dependsOn,
    ownerPrepares: input.ownerPrepares,
  };
  const others = items.filter((i) => i.phase === input.phase && i.id !== id);
  const index = Math.min(Math.max((input.position ?? others.length + 1) - 1, 0), others.length);
  if (current)
    ctx.db
      .update(checklistTemplateItems)
      .set({ ...content, position: index + 1 })
      .where(eq(checklistTemplateItems.id, id))
      .run();
  else
    ctx.db
      .insert(checklistTemplateItems)
      .values({ id, templateId, ...content, position: index + 1 })
      .run();
  renumber(ctx, [...others.slice(0, index), { id, position: index + 1 }, ...others.slice(index)]);
  if (current && current.phase !== input.phase)
    renumber(
      ctx,
      items.filter((i) => i.phase === current.phase && i.id !== id),
    );
  touchTemplate(ctx, templateId);
  recordActivity(ctx, {
    action: current ? 'updated' : 'created',
    entity: 'checklist_template_item',
    entityId: id,
    detail: { deploymentId: input.deploymentId, title: input.title, phase: input.phase },
  });
  const saved = ctx.db.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.id, id)).get();
  if (!saved) throw notFound('Checklist template item', id);
  return saved;
}

/** `checklistTemplate.deleteItem`: items that depended on it lose the dependency; sites keep their copies. */
export function deleteTemplateItem(ctx: ServiceContext, { itemId }: ApiParsedInput<'checklistTemplate.deleteItem'>): { deleted: true } {
  const item = ctx.db.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.id, itemId)).get();
  if (!item) throw notFound('Checklist template item', itemId);
  const template = ctx.db.select().from(checklistTemplates).where(eq(checklistTemplates.id, item.templateId)).get();
  if (!template) throw notFound('Checklist template', item.templateId);
  ctx.db.update(checklistTemplateItems).set({ dependsOn: null }).where(eq(checklistTemplateItems.dependsOn, itemId)).run();
  ctx.db.delete(checklistTemplateItems).where(eq(checklistTemplateItems.id, itemId)).run();
  renumber(
    ctx,
    templateItemsOf(ctx, template.deploymentId).filter((i) => i.phase === item.phase),
  );
  touchTemplate(ctx, template.id);
  recordActivity(ctx, {
    action: 'deleted',
    entity: 'checklist_template_item',
    entityId: itemId,
    detail: { deploymentId: template.deploymentId, title: item.title },
  });
  return { deleted: true };
}
