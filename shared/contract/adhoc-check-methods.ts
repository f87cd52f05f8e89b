import { z } from 'zod';
import { factsSchema } from '../checks/facts';
import { requirementResultSchema } from '../checks/results';
import { idSchema } from '../domain/audit';
import { checkOutcomeSchema, hostKeySeenSchema } from '../domain/check-run';
import { command } from './define';

/** One host of an ad-hoc `outpost check --site CODE`, already checked, matched to a target of the site. */
export const adhocRunSchema = z
  .object({
    targetId: idSchema,
    startedAt: z.string().min(1).max(40),
    durationMs: z.number().int().min(0).max(86_400_000),
    outcome: checkOutcomeSchema,
    message: z.string().max(2000),
    hostKey: hostKeySeenSchema.nullable(),
    expectedFingerprint: z.string().max(1000).nullable(),
    facts: factsSchema.nullable(),
    results: z.array(requirementResultSchema).max(2000),
  })
  .strict();
export type AdhocRun = z.infer<typeof adhocRunSchema>;

export const adhocCheckMethods = {
  'adhocChecks.record': command(
    z.object({ siteId: idSchema, runs: z.array(adhocRunSchema).min(1).max(500) }).strict(),
    z.object({ runIds: z.array(z.string()) }).strict(),
    "Stores the runs of an ad-hoc `outpost check --site` (a requirements file's results) in the site's targets' check history",
  ),
} as const;
