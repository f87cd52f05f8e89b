import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { requirementSchema } from '../domain/deployment';
import { command, query } from './define';

/** Largest goss.yaml accepted by `requirements.importGoss` (characters). */
export const GOSS_YAML_MAX_CHARS = 200_000;

export const gossSkipSchema = z.object({ path: z.string(), reason: z.string() });

export const requirementsMethods = {
  'requirements.list': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.array(requirementSchema),
    "A deployment's requirements, oldest first",
  ),
  'requirements.importGoss': command(
    z
      .object({
        deploymentId: idSchema,
        /** Role of the target machines the imported requirements apply to; null = every target. */
        targetRole: z
          .string()
          .trim()
          .max(100)
          .nullable()
          .default(null)
          .transform((role) => (role === '' ? null : role)),
        yaml: z
          .string()
          .min(1, 'The Goss file is empty')
          .max(GOSS_YAML_MAX_CHARS, `The Goss file is larger than ${GOSS_YAML_MAX_CHARS / 1000} KB`),
      })
      .strict(),
    z.object({ imported: z.array(requirementSchema), skipped: z.array(gossSkipSchema) }),
    'Import requirements from a goss.yaml: all or nothing; templates and invalid values are refused with the reasons',
  ),
  'requirements.exportGoss': query(
    z
      .object({
        deploymentId: idSchema,
        /** The role whose machines the gossfile is for (with the requirements for every target); null = only those for every target. */
        targetRole: z.string().trim().max(100).nullable().default(null),
      })
      .strict(),
    z.object({
      fileName: z.string(),
      yaml: z.string(),
      base64: z.string(),
      exported: z.number().int(),
      skipped: z.array(z.object({ description: z.string(), reason: z.string() })),
    }),
    "A deployment's requirements for one role as a gossfile that goss validate reads; what Goss cannot express is listed",
  ),
} as const;
