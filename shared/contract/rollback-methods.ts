import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { siteStatusSchema } from '../domain/enums';
import { command, query } from './define';
import { limitedText } from './text-fields';

export const siteRollbackSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  reason: z.string(),
  issueIds: z.array(idSchema),
  previousStatus: siteStatusSchema,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type SiteRollback = z.infer<typeof siteRollbackSchema>;

export const rollbackMethods = {
  'sites.rollback': command(
    z
      .object({
        siteId: idSchema,
        reason: limitedText().pipe(z.string().min(1, 'Reason is required')),
        issueIds: z.array(idSchema).max(100).default([]),
      })
      .strict(),
    siteRollbackSchema,
    "Mark a site rolled back with a reason and the issues behind it; the checklist's rollback phase becomes the active one",
  ),
  'sites.rollbacks': query(z.object({ siteId: idSchema }).strict(), z.array(siteRollbackSchema), "A site's rollbacks, newest first"),
} as const;
