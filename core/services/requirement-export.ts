import { asc, eq } from 'drizzle-orm';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { exportGossYaml } from '../checks/goss/export-goss';
import { deployments, requirements } from '../db/schema';
import { notFound } from './domain-error';
import type { ServiceContext } from './service-context';

/**
 * A deployment's requirements as a gossfile for the machines of one role: the requirements for
 * every target plus the role's own (targetRole null = every target only), oldest first.
 */
export function exportGossRequirements(
  ctx: ServiceContext,
  input: ApiParsedInput<'requirements.exportGoss'>,
): ApiOutput<'requirements.exportGoss'> {
  const deployment = ctx.db.select({ name: deployments.name }).from(deployments).where(eq(deployments.id, input.deploymentId)).get();
  if (!deployment) throw notFound('Deployment', input.deploymentId);
  const role = input.targetRole === '' ? null : input.targetRole;
  const rows = ctx.db
    .select()
    .from(requirements)
    .where(eq(requirements.deploymentId, input.deploymentId))
    .orderBy(asc(requirements.id))
    .all();
  const chosen = rows.filter((r) => r.targetRole === null || r.targetRole === role);
  const header = `Goss requirements of ${deployment.name.replace(/\s+/g, ' ')} for ${role === null ? 'every target' : `role ${role} (and every target)`}, exported by Outpost (goss validate --gossfile <this file>)`;
  const out = exportGossYaml(chosen, header);
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'requirements';
  return {
    fileName: `${slug(deployment.name)}-${role === null ? 'all-targets' : slug(role)}.goss.yaml`,
    yaml: out.yaml,
    base64: Buffer.from(out.yaml, 'utf8').toString('base64'),
    exported: out.exported,
    skipped: out.skipped,
  };
}
