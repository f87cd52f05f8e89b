import { asc, eq, inArray } from 'drizzle-orm';
import { checklistItems, checklistTemplateItems, checklistTemplates } from '../db/schema';
import { created, type ServiceContext } from './service-context';

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
    ctx.db
      .insert(checklistItems)
      .values({
        id: idByTemplateItem.get(t.id)!,
        siteId,
        templateItemId: t.id,
        phase: t.phase,
        position: t.position,
        title: t.title,
        instructions: t.instructions,
        required: t.required,
        evidence: t.evidence,
        dependsOn: t.dependsOn ? (idByTemplateItem.get(t.dependsOn) ?? null) : null,
        state: 'todo',
        note: '',
        stateBy: null,
        stateAt: null,
        ...audit,
      })
      .run();
  }
  return templateItems.length;
}
