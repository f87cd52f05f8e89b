import { z } from 'zod';
import { auditSchema, idSchema } from './audit';
import { componentKindSchema, componentScopeSchema, deploymentStatusSchema } from './enums';

export const deploymentSchema = z.object({
  id: idSchema,
  name: z.string(),
  version: z.string(),
  description: z.string(),
  status: deploymentStatusSchema,
  quietPeriodDays: z.number().int().min(0),
  ...auditSchema.shape,
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentSummarySchema = deploymentSchema.extend({
  siteCount: z.number().int(),
  sitesDeployed: z.number().int(),
  /** Sites whose status is rolled_back. */
  sitesRolledBack: z.number().int(),
});
export type DeploymentSummary = z.infer<typeof deploymentSummarySchema>;

export const waveSchema = z.object({
  id: idSchema,
  deploymentId: idSchema,
  name: z.string(),
  sequence: z.number().int(),
  isPilot: z.boolean(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  ...auditSchema.shape,
});
export type Wave = z.infer<typeof waveSchema>;

export const componentSchema = z.object({
  id: idSchema,
  deploymentId: idSchema,
  name: z.string(),
  kind: componentKindSchema,
  scope: componentScopeSchema,
  targetVersion: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  ...auditSchema.shape,
});
export type Component = z.infer<typeof componentSchema>;

export const requirementSchema = z.object({
  id: idSchema,
  deploymentId: idSchema,
  /** Target machine role the requirement applies to; null = every target. */
  targetRole: z.string().nullable(),
  kind: z.string(),
  description: z.string(),
  /** Kind-specific parameters, evaluated by the checks feature. */
  params: z.record(z.string(), z.unknown()),
  ...auditSchema.shape,
});
export type Requirement = z.infer<typeof requirementSchema>;
