import { z } from 'zod';
import { auditSchema, idSchema } from './audit';
import { inventoryStateSchema } from './enums';

export const inventoryItemSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  componentId: idSchema.nullable(),
  manufacturer: z.string(),
  model: z.string(),
  expectedSerial: z.string().nullable(),
  assetTag: z.string().nullable(),
  room: z.string(),
  rack: z.string(),
  unit: z.string(),
  foundSerial: z.string().nullable(),
  state: inventoryStateSchema,
  /** Found on site but not on the expected list. */
  isSurplus: z.boolean(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  note: z.string(),
  ...auditSchema.shape,
});
export type InventoryItem = z.infer<typeof inventoryItemSchema>;

/** Expected vs found at one site. `missing` counts expected items not (yet) found. */
export const reconciliationSchema = z.object({
  expected: z.number().int(),
  received: z.number().int(),
  missing: z.number().int(),
  surplus: z.number().int(),
  damaged: z.number().int(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const receiveOutcomeSchema = z.enum(['received', 'already_received', 'other_site', 'unknown']);
export type ReceiveOutcome = z.infer<typeof receiveOutcomeSchema>;

export const receiveResultSchema = z.object({
  outcome: receiveOutcomeSchema,
  serial: z.string(),
  item: inventoryItemSchema.nullable(),
  /** Where the serial is expected when it belongs to another site. */
  otherSite: z.object({ siteId: idSchema, code: z.string(), name: z.string() }).nullable(),
  reconciliation: reconciliationSchema,
});
export type ReceiveResult = z.infer<typeof receiveResultSchema>;
