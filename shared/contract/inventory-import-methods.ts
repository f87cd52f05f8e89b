import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { importFieldSchema, importLayoutSchema } from '../inventory-import/fields';
import { command, query } from './define';

/** Base64 characters one call may carry (the transports accept 256 KiB bodies). */
export const IMPORT_CHUNK_MAX_CHARS = 180_000;
/** Largest inventory file the core accepts (a 100,000-row Snipe-IT CSV is about 12 MB). */
export const IMPORT_FILE_MAX_BYTES = 32 * 1024 * 1024;
/** Row errors and sample rows a preview carries at most. */
export const IMPORT_PREVIEW_ERRORS_MAX = 500;
export const IMPORT_PREVIEW_SAMPLE_ROWS = 20;

const base64Schema = z
  .string()
  .max(IMPORT_CHUNK_MAX_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const importPreviewSchema = z.object({
  previewId: idSchema,
  /** 'parsing' while a workbook is read in the background: poll `inventoryImport.getPreview`. */
  status: z.enum(['parsing', 'ready', 'failed']),
  /** Why the file could not be read (status 'failed'). */
  failure: z.object({ code: z.enum(['too_large', 'binary', 'wrong_delimiter', 'empty', 'unreadable']), message: z.string() }).nullable(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  delimiter: z.enum([',', ';']).nullable(),
  layout: importLayoutSchema,
  headers: z.array(z.string()),
  mapping: z.array(importFieldSchema),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  fileErrors: z.array(z.object({ code: z.string(), message: z.string() })),
  rowErrors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  /** The first rows as read (cells in header order). */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  siteId: idSchema.nullable(),
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const inventoryImportMethods = {
  'inventoryImport.upload': command(
    z.object({ uploadId: z.string().uuid(), index: z.number().int().min(0).max(100_000), chunkBase64: base64Schema.min(1) }).strict(),
    z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
    'One chunk of a file too big for one call; chunks arrive in order from index 0',
  ),
  'inventoryImport.preview': command(
    z
      .object({
        deploymentId: idSchema,
        siteId: idSchema.optional(),
        fileName: z.string().trim().min(1).max(260),
        /** The whole file (small files), or */
        dataBase64: base64Schema.optional(),
        /** a finished chunked upload, or */
        uploadId: z.string().uuid().optional(),
        /** an earlier preview read again with another mapping. */
        previewId: idSchema.optional(),
        /** One field per column, overriding the detected mapping. */
        mapping: z.array(importFieldSchema).max(500).optional(),
      })
      .strict()
      .refine(
        (v) => [v.dataBase64, v.uploadId, v.previewId].filter((x) => x !== undefined).length === 1,
        'Give exactly one of dataBase64, uploadId or previewId',
      ),
    importPreviewSchema,
    'Read an inventory CSV/XLSX file: layout, column mapping, row errors and sample rows; nothing is written',
  ),
  'inventoryImport.getPreview': query(
    z.object({ previewId: idSchema }).strict(),
    importPreviewSchema,
    'A preview again (poll while a workbook is parsing)',
  ),
  'inventoryImport.commit': command(
    z.object({ previewId: idSchema }).strict(),
    z.object({ imported: z.number().int(), sites: z.array(z.object({ siteId: idSchema, count: z.number().int() })) }),
    'Import every row of a preview in one transaction; refused when any row has an error',
  ),
  'inventoryImport.export': query(
    z.object({ siteId: idSchema, layout: z.enum(['snipe-it', 'netbox']) }).strict(),
    z.object({ fileName: z.string(), csv: z.string(), rowCount: z.number().int() }),
    "A site's expected inventory as CSV in the Snipe-IT or NetBox import layout",
  ),
} as const;
