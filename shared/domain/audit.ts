import { z } from 'zod';

/** Who created and last changed a record, and when (ISO 8601 UTC). */
export const auditSchema = z.object({
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Audit = z.infer<typeof auditSchema>;

export const idSchema = z.string().min(1).max(64);
