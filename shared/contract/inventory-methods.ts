import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { inventoryStateSchema } from '../domain/enums';
import { inventoryItemSchema, receiveResultSchema, reconciliationSchema } from '../domain/inventory';
import { command, query } from './define';

export const INVENTORY_PAGE_MAX = 1000;

/** A scanned or typed serial: printable, no control characters. */
export const serialInputSchema = z
  .string()
  .trim()
  .min(1, 'Serial is empty')
  .max(128, 'Serial is longer than 128 characters')
  .regex(/^[\x20-\x7E]+$/, 'Serial contains characters a barcode cannot hold');

export const inventoryFilterSchema = z
  .object({
    siteId: idSchema,
    /** Matches part of the expected or found serial, the asset tag or the model. */
    query: z.string().trim().max(128).default(''),
    state: inventoryStateSchema.or(z.literal('surplus')).nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(INVENTORY_PAGE_MAX).default(200),
  })
  .strict();
export type InventoryFilter = z.input<typeof inventoryFilterSchema>;

export const inventoryMethods = {
  'inventory.list': query(
    inventoryFilterSchema,
    z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(inventoryItemSchema) }),
    'One page of a site inventory, filtered and searched',
  ),
  'inventory.reconciliation': query(
    z.object({ siteId: idSchema }).strict(),
    reconciliationSchema,
    'Expected, received, missing, surplus and damaged counts',
  ),
  'inventory.receive': command(
    z.object({ siteId: idSchema, serial: serialInputSchema }).strict(),
    receiveResultSchema,
    'A scanned serial: mark the matching expected item received, or say why not',
  ),
  'inventory.recordSurplus': command(
    z
      .object({
        siteId: idSchema,
        serial: serialInputSchema,
        manufacturer: z.string().trim().max(200).default(''),
        model: z.string().trim().max(200).default(''),
        note: z.string().trim().max(2000).default(''),
      })
      .strict(),
    inventoryItemSchema,
    'Record hardware found on site that was not expected',
  ),
  'inventory.setState': command(
    z.object({ itemId: idSchema, state: inventoryStateSchema, note: z.string().trim().max(2000).optional() }).strict(),
    inventoryItemSchema,
    'Change an item state (installed, missing, damaged, returned...)',
  ),
} as const;
