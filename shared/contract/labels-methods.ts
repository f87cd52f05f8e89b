import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { inventoryItemSchema } from '../domain/inventory';
import { labelLayoutIdSchema } from '../labels/label-layouts';
import { exportedFileSchema } from './closeout-methods';
import { action, command, query } from './define';

/** At most this many labels in one PDF (and items tagged in one call). */
export const LABELS_MAX = 1000;

const itemIdsSchema = z
  .array(idSchema)
  .min(1, 'Select at least one item')
  .max(LABELS_MAX, `At most ${LABELS_MAX} items at once`)
  .refine((ids) => new Set(ids).size === ids.length, 'An item is listed twice');

/** Where this device's next asset tag comes from (shared/labels/asset-tag.ts). */
export const tagIssuerSchema = z.object({
  /** `D<n>` or `L`; null when the deployment syncs and the server has not numbered this device yet. */
  issuer: z.string().nullable(),
  /** Why no tag can be issued, when `issuer` is null. */
  problem: z.string().nullable(),
});

export const labelsMethods = {
  'labels.items': query(
    z.object({ siteId: idSchema }).strict(),
    z.object({
      /** Received (found serial set) and surplus items, by asset tag then serial. */
      items: z.array(inventoryItemSchema),
      /** More items than listed (the list stops at the limit). */
      truncated: z.boolean(),
      tagIssuer: tagIssuerSchema,
    }),
    'The items of a site that can get a label (received or surplus), and where new asset tags come from',
  ),
  'labels.assignTags': command(
    z.object({ siteId: idSchema, itemIds: itemIdsSchema }).strict(),
    z.object({ items: z.array(inventoryItemSchema) }),
    "Give unlabelled surplus items asset tags from this device's sequence (all or none)",
  ),
  'labels.pdf': action(
    z
      .object({
        siteId: idSchema,
        itemIds: itemIdsSchema,
        layout: labelLayoutIdSchema,
        /** Sheets only: leave this many positions of the first sheet empty (a sheet partly used). */
        skip: z.number().int().min(0).max(29).default(0),
      })
      .strict(),
    exportedFileSchema,
    'Asset labels as PDF (base64): asset tag and serial as Code 128 and QR, model, site code, on the chosen label stock',
  ),
} as const;
