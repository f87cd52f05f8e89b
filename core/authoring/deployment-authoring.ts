import { eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { Deployment } from '../../shared/domain/deployment';
import { deploymentStatusSchema } from '../../shared/domain/enums';
import { deployments } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import { recordActivity, updated, type ServiceContext } from '../services/service-context';
import { given } from './author-guard';

const ORDER = deploymentStatusSchema.options;

export function requireDeployment(ctx: ServiceContext, deploymentId: string): Deployment {
  const row = ctx.db.select().from(deployments).where(eq(deployments.id, deploymentId)).get();
  if (!row) throw notFound('Deployment', deploymentId);
  return row;
}

/** `deployments.update`: name, version, description, quiet period; status forward only. */
export function updateDeployment(ctx: ServiceContext, input: ApiParsedInput<'deployments.update'>): Deployment {
  const { deploymentId, ...rest } = input;
  const current = requireDeployment(ctx, deploymentId);
  const patch = given(rest);
  if (patch.status && ORDER.indexOf(patch.status) < ORDER.indexOf(current.status)) {
    throw new DomainError(
      'rule',
      `A deployment's status only moves forward: it is ${current.status}, it cannot go back to ${patch.status}`,
    );
  }
  if (Object.keys(patch).length === 0) return current;
  ctx.db
    .update(deployments)
    .set({ ...patch, ...updated(ctx) })
    .where(eq(deployments.id, deploymentId))
    .run();
  recordActivity(ctx, {
    action: 'updated',
    entity: 'deployment',
    entityId: deploymentId,
    detail: { fields: Object.keys(patch), ...(patch.status ? { from: current.status, to: patch.status } : {}) },
  });
  return requireDeployment(ctx, deploymentId);
}
