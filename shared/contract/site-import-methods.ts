import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { serverUserEntrySchema } from '../sync/user-list-wire';
import { siteImportFieldSchema } from '../site-import/fields';
import { action, command, managersOnly } from './define';
import { IMPORT_CHUNK_MAX_CHARS } from './inventory-import-methods';

/** Changed and new sites a preview lists at most (the counts are always whole). */
export const SITE_IMPORT_PREVIEW_SITES_MAX = 2_500;
/** Schedule warnings a preview lists at most. */
export const SITE_IMPORT_PREVIEW_WARNINGS_MAX = 300;

const base64Schema = z
  .string()
  .max(IMPORT_CHUNK_MAX_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const siteImportPreviewSchema = z.object({
  previewId: idSchema,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  mapping: z.array(siteImportFieldSchema),
  rowCount: z.number().int(),
  /** Rows with at least one error: when any, nothing can be imported. */
  errorCount: z.number().int(),
  fileErrors: z.array(z.object({ code: z.string(), message: z.string() })),
  rowErrors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  /** New and changed sites in file order (changes as shown: windows in site time). */
  sites: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      status: z.enum(['new', 'changed']),
      changes: z.array(z.object({ field: siteImportFieldSchema, from: z.string(), to: z.string() })),
    }),
  ),
  sitesTruncated: z.boolean(),
  /** Sites of the deployment the file does not name: an import leaves them as they are. */
  untouchedCount: z.number().int(),
  /** Schedule warnings of the file's sites as they would be after the import. */
  warnings: z.array(z.object({ siteCode: z.string(), kind: z.string(), message: z.string() })),
  warningCount: z.number().int(),
  /** The first rows as read (cells in header order), and the rows with errors. */
  sampleRows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  expiresAt: z.string(),
});
export type SiteImportPreview = z.infer<typeof siteImportPreviewSchema>;

export const siteImportMethods = {
  'siteImport.upload': managersOnly(
    command(
      z.object({ uploadId: z.string().uuid(), index: z.number().int().min(0).max(100_000), chunkBase64: base64Schema.min(1) }).strict(),
      z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
      'One chunk of a site list too big for one call; chunks arrive in order from index 0',
    ),
  ),
  'siteImport.preview': managersOnly(
    action(
      z
        .object({
          deploymentId: idSchema,
          fileName: z.string().trim().min(1).max(260),
          /** The whole file (small files), or */
          dataBase64: base64Schema.optional(),
          /** a finished chunked upload, or */
          uploadId: z.string().uuid().optional(),
          /** an earlier preview read again with another mapping. */
          previewId: idSchema.optional(),
          /** One field per column, overriding the detected mapping. */
          mapping: z.array(siteImportFieldSchema).max(500).optional(),
          /** The server's user list when this device has fetched it: technicians are matched to users by user name. */
          users: z.array(serverUserEntrySchema).max(20_000).optional(),
        })
        .strict()
        .refine(
          (v) => [v.dataBase64, v.uploadId, v.previewId].filter((x) => x !== undefined).length === 1,
          'Give exactly one of dataBase64, uploadId or previewId',
        ),
      siteImportPreviewSchema,
      'Read a site list (CSV/XLSX): column mapping, row errors, what changes per site and schedule warnings; nothing is written',
    ),
  ),
  'siteImport.commit': managersOnly(
    command(
      z.object({ previewId: idSchema }).strict(),
      z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
      'Create and update the sites of a preview in one transaction; refused when any row has an error',
    ),
  ),
  'siteImport.export': managersOnly(
    action(
      z.object({ deploymentId: idSchema, format: z.enum(['csv', 'xlsx']) }).strict(),
      z.object({ fileName: z.string(), mediaType: z.string(), dataBase64: z.string(), siteCount: z.number().int() }),
      "A deployment's sites in the import layout (windows in site time), so the file imports back unchanged",
    ),
  ),
} as const;
