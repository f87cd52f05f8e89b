import { asc, eq, inArray } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Requirement } from '../../shared/domain/deployment';
import { parseGoss } from '../checks/goss/parse-goss';
import { requirements } from '../db/schema';
import { addRequirement } from '../plan/plan-writer';
import { deploymentExists } from './deployment-service';
import { DomainError, notFound } from './domain-error';
import { recordActivity, type ServiceContext } from './service-context';

export function listRequirements(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'requirements.list'>): Requirement[] {
  if (!deploymentExists(ctx, deploymentId)) throw notFound('Deployment', deploymentId);
  // Ids are UUIDv7: ordering by id is ordering by creation.
  return ctx.db.select().from(requirements).where(eq(requirements.deploymentId, deploymentId)).orderBy(asc(requirements.id)).all();
}

/**
 * Imports a goss.yaml as requirements of a deployment. Runs inside the dispatcher's transaction:
 * a file with templates, YAML errors or invalid values stores nothing and is refused as a
 * `validation` error listing every reason; otherwise every draft is stored and the parts that
 * Outpost cannot check are returned in `skipped`.
 */
export function importGossRequirements(
  ctx: ServiceContext,
  input: ApiParsedInput<'requirements.importGoss'>,
): ApiOutput<'requirements.importGoss'> {
  if (!deploymentExists(ctx, input.deploymentId)) throw notFound('Deployment', input.deploymentId);
  const parsed = parseGoss(input.yaml);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    throw new DomainError('validation', `The Goss file was not imported: ${first.path}: ${first.message}${more}`, parsed.issues);
  }
  const ids = parsed.drafts.map((draft) =>
    addRequirement(ctx, {
      deploymentId: input.deploymentId,
      kind: draft.kind,
      description: draft.description,
      targetRole: input.targetRole,
      params: draft.params,
    }),
  );
  recordActivity(ctx, {
    action: 'requirements_imported',
    entity: 'deployment',
    entityId: input.deploymentId,
    detail: { format: 'goss', imported: ids.length, skipped: parsed.skipped.length, targetRole: input.targetRole },
  });
  const imported = ctx.db.select().from(requirements).where(inArray(requirements.id, ids)).orderBy(asc(requirements.id)).all();
  return { imported, skipped: parsed.skipped };
}
