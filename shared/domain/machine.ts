import { z } from 'zod';
import { auditSchema, idSchema } from './audit';

/** A machine to verify. Secrets (passwords, passphrases) are never part of this record. */
export const targetMachineSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  hostName: z.string(),
  address: z.string(),
  port: z.number().int().min(1).max(65535),
  username: z.string(),
  role: z.string(),
  inventoryItemId: idSchema.nullable(),
  ...auditSchema.shape,
});
export type TargetMachine = z.infer<typeof targetMachineSchema>;
