import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { checklistItemSchema, checklistPhaseViewSchema, checklistViewSchema } from '../domain/checklist';
import { checklistItemStateSchema, checklistPhaseSchema } from '../domain/enums';
import { command, query } from './define';
import { limitedText } from './text-fields';
import { sha256Schema } from './issues-methods';

export const checklistMethods = {
  'checklist.get': query(z.object({ siteId: idSchema }).strict(), checklistViewSchema, "A site's checklist by phase"),
  'checklist.setItemState': command(
    z
      .object({
        itemId: idSchema,
        state: checklistItemStateSchema,
        note: limitedText().default(''),
      })
      .strict(),
    checklistItemSchema,
    'Mark an item done, not applicable, failed (note required) or back to do',
  ),
  'checklist.linkCheckRun': command(
    z.object({ itemId: idSchema, runId: idSchema }).strict(),
    checklistItemSchema,
    "Link a finished check run of the item's site as evidence; refused once the item's phase is completed; linking the same run again changes nothing",
  ),
  'checklist.attachPhoto': command(
    z.object({ itemId: idSchema, sha256: sha256Schema }).strict(),
    checklistItemSchema,
    'Link a stored photo (attachments.put) to an item as evidence; refused once the phase is completed; the same photo again changes nothing',
  ),
  'checklist.completePhase': command(
    z.object({ siteId: idSchema, phase: checklistPhaseSchema }).strict(),
    checklistPhaseViewSchema,
    'Complete a phase; refused while a required item is open',
  ),
} as const;
