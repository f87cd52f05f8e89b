import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { inventoryStateSchema } from '../domain/enums';
import { inventoryItemSchema, receiveResultSchema, reconciliationSchema } from '../domain/inventory';
import { evidencePhotoSchema } from '../domain/checklist';
import { command, managersOnly, query } from './define';
import { sha256Schema } from './issues-methods';

export const INVENTORY_PAGE_MAX = 1000;

/** A scanned or typed serial: printable, no control characters. */
export const serialInputSchema = z
  .string()
  .trim()
  .min(1, 'Serial is empty')
  .max(128, 'Serial is longer than 128 characters')
  .regex(/^[\x20-\x7E]+$/, 'Serial contains characters a barcode cannot hold');

/**
 * A search text: part of a serial, an asset tag or a model. Control characters are refused (an
 * FTS5 string cannot hold a NUL, and no serial holds one); everything else is searched for as typed.
 */
const searchTextSchema = z
  .string()
  .trim()
  .max(128, 'Search text is longer than 128 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Search text contains control characters');

export const inventoryFilterSchema = z
  .object({
    siteId: idSchema,
    /** Matches part of the expected or found serial, the asset tag or the model. */
    query: searchTextSchema.default(''),
    state: inventoryStateSchema.or(z.literal('surplus')).nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(INVENTORY_PAGE_MAX).default(200),
  })
  .strict();
export type InventoryFilter = z.input<typeof inventoryFilterSchema>;

/** At most this many matches come back from a deployment-wide search (the total is counted in full). */
export const DEPLOYMENT_SEARCH_MAX = 200;

/** "Where is serial X?" across every site of a deployment. */
export const deploymentSearchSchema = z
  .object({
    deploymentId: idSchema,
    /** Part of an expected or found serial, an asset tag or a model. */
    query: searchTextSchema.min(1, 'Type part of a serial, an asset tag or a model'),
    limit: z.number().int().min(1).max(DEPLOYMENT_SEARCH_MAX).default(50),
  })
  .strict();

export const deploymentSearchResultSchema = z.object({
  total: z.number().int(),
  matches: z.array(z.object({ site: z.object({ id: idSchema, code: z.string(), name: z.string() }), item: inventoryItemSchema })),
});

export const inventoryMethods = {
  'inventory.list': query(
    inventoryFilterSchema,
    z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(inventoryItemSchema) }),
    'One page of a site inventory, filtered and searched',
  ),
  'inventory.searchDeployment': managersOnly(
    query(
      deploymentSearchSchema,
      deploymentSearchResultSchema,
      'Inventory items of every site of a deployment matching part of a serial, asset tag or model, with their site',
    ),
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
  'inventory.photos': query(
    z.object({ itemId: idSchema }).strict(),
    z.array(evidencePhotoSchema),
    "An item's photos (surplus hardware as found), oldest first",
  ),
  'inventory.attachPhoto': command(
    z.object({ itemId: idSchema, sha256: sha256Schema }).strict(),
    z.array(evidencePhotoSchema),
    'Link a stored photo (attachments.put) to a surplus item; refused for an expected item; the same photo again changes nothing',
  ),
} as const;
