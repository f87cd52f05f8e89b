import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import { isRequirementKind, requirementParamsSchemas } from '../../shared/checks/requirement-kinds';
import type { Requirement } from '../../shared/domain/deployment';
import { requirements } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { created, recordActivity, type ServiceContext } from '../services/service-context';
import { invalid } from './author-guard';
import { requireDeployment } from './deployment-authoring';

/** `requirements.create`: the kind must be known and its parameters must match the kind's schema. */
export function createRequirement(ctx: ServiceContext, input: ApiParsedInput<'requirements.create'>): Requirement {
  requireDeployment(ctx, input.deploymentId);
  if (!isRequirementKind(input.kind)) throw invalid('kind', `Unknown requirement kind "${input.kind}"`);
  const parsed = requirementParamsSchemas[input.kind].safeParse(input.params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ['params', ...i.path.map(String)].join('.'), message: i.message }));
    throw new DomainError(
      'validation',
      `The ${input.kind} parameters are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const row: Requirement = {
    id: ctx.newId(),
    deploymentId: input.deploymentId,
    kind: input.kind,
    description: input.description || input.kind,
    targetRole: input.targetRole || null,
    params: parsed.data as Record<string, unknown>,
    ...created(ctx),
  };
  ctx.db.insert(requirements).values(row).run();
  recordActivity(ctx, {
    action: 'created',
    entity: 'requirement',
    entityId: row.id,
    detail: { deploymentId: row.deploymentId, kind: row.kind },
  });
  return row;
}

export function deleteRequirement(ctx: ServiceContext, { requirementId }: ApiParsedInput<'requirements.delete'>): { deleted: true } {
  const row = ctx.db.select().from(requirements).where(eq(requirements.id, requirementId)).get();
  if (!row) throw notFound('Requirement', requirementId);
  ctx.db.delete(requirements).where(eq(requirements.id, requirementId)).run();
  recordActivity(ctx, {
    action: 'deleted',
    entity: 'requirement',
    entityId: requirementId,
    detail: { deploymentId: row.deploymentId, kind: row.kind },
  });
  return { deleted: true };
}
