import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { checklistItemSchema, checklistPhaseViewSchema, checklistViewSchema } from '../domain/checklist';
import { checklistItemStateSchema, checklistPhaseSchema } from '../domain/enums';
import { command, query } from './define';

export const checklistMethods = {
  'checklist.get': query(z.object({ siteId: idSchema }).strict(), checklistViewSchema, "A site's checklist by phase"),
  'checklist.setItemState': command(
    z
      .object({
        itemId: idSchema,
        state: checklistItemStateSchema,
        note: z.string().trim().max(4000).default(''),
      })
      .strict(),
    checklistItemSchema,
    'Mark an item done, not applicable, failed (note required) or back to do',
  ),
  'checklist.completePhase': command(
    z.object({ siteId: idSchema, phase: checklistPhaseSchema }).strict(),
    checklistPhaseViewSchema,
    'Complete a phase; refused while a required item is open',
  ),
} as const;
