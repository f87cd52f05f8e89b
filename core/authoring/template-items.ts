import { asc, eq, inArray } from 'drizzle-orm';
import type { ChecklistTemplateItem } from '../../shared/domain/checklist';
import { checklistTemplateItems, checklistTemplates } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

/** Every template item of a deployment, by phase and position. */
export function templateItemsOf(ctx: ServiceContext, deploymentId: string): ChecklistTemplateItem[] {
  const ids = templateIdsOf(ctx, deploymentId);
  if (ids.length === 0) return [];
  return ctx.db
    .select()
    .from(checklistTemplateItems)
    .where(inArray(checklistTemplateItems.templateId, ids))
    .orderBy(asc(checklistTemplateItems.phase), asc(checklistTemplateItems.position))
    .all();
}

export function templateIdsOf(ctx: ServiceContext, deploymentId: string): string[] {
  return ctx.db
    .select({ id: checklistTemplates.id })
    .from(checklistTemplates)
    .where(eq(checklistTemplates.deploymentId, deploymentId))
    .orderBy(asc(checklistTemplates.createdAt))
    .all()
    .map((t) => t.id);
}

/** True when making `itemId` depend on `dependsOn` would close a loop. */
export function wouldCycle(items: readonly ChecklistTemplateItem[], itemId: string, dependsOn: string): boolean {
  const next = new Map(items.map((i) => [i.id, i.dependsOn]));
  next.set(itemId, dependsOn);
  const seen = new Set<string>();
  let at: string | null | undefined = itemId;
  while (at) {
    if (seen.has(at)) return true;
    seen.add(at);
    at = next.get(at);
  }
  return false;
}

/** Rewrites positions 1..n of one phase in the given order. */
export function renumber(ctx: ServiceContext, ordered: readonly { id: string; position: number }[]): void {
  ordered.forEach((item, index) => {
    if (item.position !== index + 1)
      ctx.db
        .update(checklistTemplateItems)
        .set({ position: index + 1 })
        .where(eq(checklistTemplateItems.id, item.id))
        .run();
  });
}
