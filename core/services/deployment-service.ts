import { asc, eq, sql } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { Deployment, DeploymentSummary } from '../../shared/domain/deployment';
import { components, deployments, requirements, waves } from '../db/schema';
import { notFound } from './domain-error';
import { created, recordActivity, type ServiceContext } from './service-context';

const deployedStatuses = sql`('deployed', 'signed_off')`;

export function listDeployments(ctx: ServiceContext): DeploymentSummary[] {
  return ctx.db
    .select({
      deployment: deployments,
      // Qualified by hand: in a one-table select drizzle would render ${deployments.id} as a bare "id".
      siteCount: sql<number>`(SELECT count(*) FROM sites s WHERE s.deployment_id = "deployments"."id")`,
      sitesDeployed: sql<number>`(SELECT count(*) FROM sites s WHERE s.deployment_id = "deployments"."id" AND s.status IN ${deployedStatuses})`,
      sitesRolledBack: sql<number>`(SELECT count(*) FROM sites s WHERE s.deployment_id = "deployments"."id" AND s.status = 'rolled_back')`,
    })
    .from(deployments)
    .orderBy(asc(deployments.name))
    .all()
    .map((r) => ({ ...r.deployment, siteCount: r.siteCount, sitesDeployed: r.sitesDeployed, sitesRolledBack: r.sitesRolledBack }));
}

export function getDeployment(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'deployments.get'>): ApiOutput<'deployments.get'> {
  const deployment = ctx.db.select().from(deployments).where(eq(deployments.id, deploymentId)).get();
  if (!deployment) throw notFound('Deployment', deploymentId);
  return {
    deployment,
    waves: ctx.db.select().from(waves).where(eq(waves.deploymentId, deploymentId)).orderBy(asc(waves.sequence)).all(),
    components: ctx.db.select().from(components).where(eq(components.deploymentId, deploymentId)).orderBy(asc(components.name)).all(),
    requirements: ctx.db.select().from(requirements).where(eq(requirements.deploymentId, deploymentId)).all(),
  };
}

export function createDeployment(ctx: ServiceContext, input: ApiParsedInput<'deployments.create'>): Deployment {
  const row: Deployment = { id: ctx.newId(), status: 'draft', ...input, ...created(ctx) };
  ctx.db.insert(deployments).values(row).run();
  recordActivity(ctx, { action: 'created', entity: 'deployment', entityId: row.id, detail: { name: row.name } });
  return row;
}

export function deploymentExists(ctx: ServiceContext, deploymentId: string): boolean {
  return ctx.db.select({ id: deployments.id }).from(deployments).where(eq(deployments.id, deploymentId)).get() !== undefined;
}
