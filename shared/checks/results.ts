import { z } from 'zod';

export const checkStatusSchema = z.enum(['pass', 'fail', 'error', 'skipped']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** One requirement's verdict on one target, with the evidence a person can read. */
export const requirementResultSchema = z.object({
  requirementId: z.string(),
  kind: z.string(),
  description: z.string(),
  status: checkStatusSchema,
  expected: z.string(),
  actual: z.string(),
  message: z.string(),
});
export type RequirementResult = z.infer<typeof requirementResultSchema>;
