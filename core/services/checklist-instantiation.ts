import { asc, eq, inArray } from 'drizzle-orm';
import { checklistItems, checklistTemplateItems, checklistTemplates } from '../db/schema';
import { created, type ServiceContext } from './service-context';

type TemplateItemRow = typeof checklistTemplateItems.$inferSelect;

/** Copies the deployment's checklist templates into a site's own checklist (dependencies re-pointed). */
export function instantiateChecklist(ctx: ServiceContext, deploymentId: string, siteId: string): number {
  const templateIds = ctx.db
    .select({ id: checklistTemplates.id })
    .from(checklistTemplates)
    .where(eq(checklistTemplates.deploymentId, deploymentId))
    .all()
    .map((t) => t.id);
  if (templateIds.length === 0) return 0;
  const templateItems = ctx.db
    .select()
    .from(checklistTemplateItems)
    .where(inArray(checklistTemplateItems.templateId, templateIds))
    .orderBy(asc(checklistTemplateItems.phase), asc(checklistTemplateItems.position))
    .all();
  const idByTemplateItem = new Map(templateItems.map((t) => [t.id, ctx.newId()]));
  const audit = created(ctx);
  for (const t of templateItems) {
    insertSiteItem(ctx, {
      template: t,
      siteId,
      id: idByTemplateItem.get(t.id)!,
      position: t.position,
      siteItemIdOf: idByTemplateItem,
      audit,
    });
  }
  return templateItems.length;
}

/**
 * Inserts a site's copy of one template item, to do, with its dependency re-pointed to the site's
 * copy of the template item it depends on.
 */
export function insertSiteItem(
  ctx: ServiceContext,
  item: {
    template: TemplateItemRow;
    siteId: string;
    id: string;
    position: number;
    siteItemIdOf: ReadonlyMap<string, string>;
    audit: ReturnType<typeof created>;
  },
): void {
  const t = item.template;
  ctx.db
    .insert(checklistItems)
    .values({
      id: item.id,
      siteId: item.siteId,
      templateItemId: t.id,
      phase: t.phase,
      position: item.position,
      title: t.title,
      instructions: t.instructions,
      required: t.required,
      evidence: t.evidence,
      dependsOn: t.dependsOn ? (item.siteItemIdOf.get(t.dependsOn) ?? null) : null,
      state: 'todo',
      note: '',
      stateBy: null,
      stateAt: null,
      ...item.audit,
    })
    .run();
}
