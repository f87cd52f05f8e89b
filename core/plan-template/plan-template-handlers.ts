import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { readPlanTemplate, writePlanTemplate } from '../../shared/plan-template/plan-template-schema';
import { requireDeployment } from '../authoring/deployment-authoring';
import { DomainError } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { applyPlanTemplate } from './plan-template-apply';
import { buildPlanTemplate, planTemplateFileName } from './plan-template-build';

/**
 * A template read back through its own schema before use, so "New deployment from…" and a file
 * import take exactly the same path and an export that could not be imported again is refused.
 */
function checkedTemplate(json: string) {
  const read = readPlanTemplate(json);
  if (!read.ok) throw new DomainError('validation', read.message, read.issues);
  return read.template;
}

export function exportPlanTemplate(
  ctx: ServiceContext,
  { deploymentId }: ApiParsedInput<'planTemplates.export'>,
): ApiOutput<'planTemplates.export'> {
  const template = buildPlanTemplate(ctx, deploymentId);
  const json = writePlanTemplate(template);
  checkedTemplate(json);
  return { fileName: planTemplateFileName(template), json };
}

export function createFromDeployment(
  ctx: ServiceContext,
  input: ApiParsedInput<'planTemplates.createFrom'>,
): ApiOutput<'planTemplates.createFrom'> {
  const source = requireDeployment(ctx, input.sourceDeploymentId);
  const template = checkedTemplate(writePlanTemplate(buildPlanTemplate(ctx, source.id)));
  return applyPlanTemplate(ctx, template, input, { sourceDeploymentId: source.id, sourceName: source.name });
}

export function importPlanTemplate(ctx: ServiceContext, input: ApiParsedInput<'planTemplates.import'>): ApiOutput<'planTemplates.import'> {
  const template = checkedTemplate(input.json);
  return applyPlanTemplate(ctx, template, input, { file: template.source ?? null, format: template.format, version: template.version });
}

export function createPlanTemplateHandlers() {
  return {
    'planTemplates.createFrom': createFromDeployment,
    'planTemplates.export': exportPlanTemplate,
    'planTemplates.import': importPlanTemplate,
  };
}
