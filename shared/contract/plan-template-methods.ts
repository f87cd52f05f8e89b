import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { deploymentSchema } from '../domain/deployment';
import { PLAN_TEMPLATE_MAX_CHARS } from '../plan-template/plan-template-schema';
import { command, managersOnly, query } from './define';

const text = (max: number) => z.string().trim().max(max);
const newDeployment = {
  name: text(200).min(1, 'Name is required'),
  version: text(60).default(''),
  /** Where the first wave starts; the other waves keep their offsets from it. Null: waves without dates. */
  firstWaveStartsAt: z.iso.datetime({ offset: true }).nullable().default(null),
};

export const planTemplateResultSchema = z.object({
  deployment: deploymentSchema,
  counts: z.object({
    waves: z.number().int(),
    components: z.number().int(),
    requirements: z.number().int(),
    checklistItems: z.number().int(),
  }),
});

export const planTemplateMethods = {
  'planTemplates.createFrom': managersOnly(
    command(
      z.object({ sourceDeploymentId: idSchema, ...newDeployment }).strict(),
      planTemplateResultSchema,
      "New draft deployment from another's plan: waves (as offsets from the new first-wave start), components, requirements and checklist template; no sites, inventory, machines or field work",
    ),
  ),
  'planTemplates.export': managersOnly(
    query(
      z.object({ deploymentId: idSchema }).strict(),
      z.object({ fileName: z.string(), json: z.string() }),
      "A deployment's plan as a plan template file (JSON, versioned)",
    ),
  ),
  'planTemplates.import': managersOnly(
    command(
      z
        .object({
          json: z
            .string()
            .max(
              PLAN_TEMPLATE_MAX_CHARS,
              `The template file is too large (at most ${PLAN_TEMPLATE_MAX_CHARS.toLocaleString('en')} characters)`,
            ),
          ...newDeployment,
        })
        .strict(),
      planTemplateResultSchema,
      'New draft deployment from a plan template file; a file that is not valid as a whole is refused and nothing is created',
    ),
  ),
} as const;
