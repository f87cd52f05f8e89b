import { z } from 'zod';
import { bulkActionSchema, BULK_MAX_SITES } from '../bulk-edit/bulk-action';
import { idSchema } from '../domain/audit';
import { command, managersOnly, query } from './define';

export const bulkEditResultSchema = z.object({
  editId: idSchema,
  summary: z.string(),
  /** Sites the edit changed (one activity entry each). */
  changed: z.number().int(),
  /** Selected sites that already had the value. */
  unchanged: z.number().int(),
});

/** The newest bulk edit of a deployment on this device, and whether it can still be undone. */
export const lastBulkEditSchema = z
  .object({
    editId: idSchema,
    action: z.string(),
    summary: z.string(),
    siteCount: z.number().int(),
    at: z.string(),
    by: z.string(),
    undoneAt: z.string().nullable(),
    /** Why undo is refused now (already undone, a site changed since); null when it can be undone. */
    undoRefusal: z.string().nullable(),
  })
  .nullable();

export const bulkEditMethods = {
  'sites.bulkEdit': managersOnly(
    command(
      z
        .object({
          deploymentId: idSchema,
          siteIds: z.array(idSchema).min(1, 'Select at least one site').max(BULK_MAX_SITES, `At most ${BULK_MAX_SITES} sites at once`),
          action: bulkActionSchema,
        })
        .strict(),
      bulkEditResultSchema,
      'Change many sites of a deployment at once (technician, wave, window shift, status): all or nothing, one activity entry per site, undoable',
    ),
  ),
  'sites.undoBulkEdit': managersOnly(
    command(
      z.object({ deploymentId: idSchema }).strict(),
      z.object({ editId: idSchema, summary: z.string(), restored: z.number().int() }),
      "Undo the deployment's newest bulk edit, refused when one of its sites changed since",
    ),
  ),
  'sites.lastBulkEdit': query(
    z.object({ deploymentId: idSchema }).strict(),
    lastBulkEditSchema,
    "The deployment's newest bulk edit on this device, for the undo button",
  ),
} as const;
