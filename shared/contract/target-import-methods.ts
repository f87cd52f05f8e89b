import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { targetImportFormatSchema } from '../target-import/formats';
import { TARGET_PREVIEW_MAX_ROWS } from '../target-import/limits';
import { targetFieldSchema } from '../target-import/table-fields';
import { command, managersOnly, query, action } from './define';
import { IMPORT_CHUNK_MAX_CHARS } from './inventory-import-methods';

const base64Schema = z
  .string()
  .max(IMPORT_CHUNK_MAX_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const targetRowSchema = z.object({
  line: z.number().int().nullable(),
  hostName: z.string(),
  siteId: idSchema.nullable(),
  siteCode: z.string().nullable(),
  siteFrom: z.enum(['variable', 'column', 'group', 'host name', 'chosen']).nullable(),
  address: z.string(),
  port: z.number(),
  username: z.string(),
  role: z.string(),
  status: z.enum(['new', 'update', 'unchanged', 'unmapped', 'error']),
  machineId: idSchema.nullable(),
  changes: z.array(z.string()),
  errors: z.array(z.string()),
  skippedSecrets: z.array(z.string()),
  otherVars: z.array(z.string()),
});
export type TargetRowView = z.infer<typeof targetRowSchema>;

export const targetImportPreviewSchema = z.object({
  previewId: idSchema,
  fileName: z.string(),
  /** `file`: an uploaded file; `ansible-inventory`: the output of `ansible-inventory -i SOURCE --list`. */
  source: z.enum(['file', 'ansible-inventory']),
  format: targetImportFormatSchema,
  /** Tables (NetBox, CSV): each column and the field it maps to. */
  columns: z.array(z.object({ header: z.string(), field: targetFieldSchema })).nullable(),
  hostCount: z.number().int(),
  counts: z.object({
    new: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    unmapped: z.number().int(),
    error: z.number().int(),
  }),
  /** Hosts with errors and unmapped ones first, then the rest, at most TARGET_PREVIEW_MAX_ROWS, in file order. */
  hosts: z.array(targetRowSchema),
  hostsTruncated: z.boolean(),
  /** Secrets never imported: which host, which variable, where it was written. */
  skippedSecrets: z.array(z.object({ host: z.string(), variable: z.string(), from: z.string() })),
  skippedSecretCount: z.number().int(),
  defaultSiteId: idSchema.nullable(),
  expiresAt: z.string(),
});
export type TargetImportPreview = z.infer<typeof targetImportPreviewSchema>;

const mappingInput = {
  /** Sites chosen for hosts no rule placed, by host name. */
  assignments: z
    .array(z.object({ hostName: z.string().max(260), siteId: idSchema }))
    .max(TARGET_PREVIEW_MAX_ROWS)
    .optional(),
  /** Where every other unplaced host goes. */
  defaultSiteId: idSchema.nullable().optional(),
  /** Tables: one field per column, overriding the detected mapping. */
  mapping: z.array(targetFieldSchema).max(500).optional(),
};

export const targetImportMethods = {
  'targetImport.upload': managersOnly(
    command(
      z.object({ uploadId: z.string().uuid(), index: z.number().int().min(0).max(10_000), chunkBase64: base64Schema.min(1) }).strict(),
      z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
      'One chunk of an inventory file too big for one call; chunks arrive in order from index 0',
    ),
  ),
  'targetImport.preview': managersOnly(
    command(
      z
        .object({
          deploymentId: idSchema,
          fileName: z.string().trim().min(1).max(260),
          /** Absent: detected from the name and the first lines. */
          format: targetImportFormatSchema.optional(),
          dataBase64: base64Schema.optional(),
          uploadId: z.string().uuid().optional(),
          /** An earlier preview read again with other site choices, format or mapping. */
          previewId: idSchema.optional(),
          ...mappingInput,
        })
        .strict()
        .refine(
          (v) => [v.dataBase64, v.uploadId, v.previewId].filter((x) => x !== undefined).length === 1,
          'Give exactly one of dataBase64, uploadId or previewId',
        ),
      targetImportPreviewSchema,
      'Read an Ansible inventory, NetBox device export or CSV of target machines: site, host, address, port, user, role and errors per host, skipped secrets; nothing is written',
    ),
  ),
  'targetImport.ansibleAvailable': managersOnly(
    query(
      z.object({}).strict(),
      z.object({ available: z.boolean(), path: z.string().nullable() }),
      'Whether ansible-inventory is installed on this computer (for dynamic inventories)',
    ),
  ),
  'targetImport.runAnsible': managersOnly(
    action(
      z
        .object({
          deploymentId: idSchema,
          /** What `ansible-inventory -i` takes: an inventory file, directory or plugin configuration. */
          source: z
            .string()
            .trim()
            .min(1)
            .max(4096)
            .refine((s) => !s.startsWith('-'), 'Give a path, not an option'),
        })
        .strict(),
      targetImportPreviewSchema,
      'Run ansible-inventory -i SOURCE --list (no shell, time and size limits) and preview its hosts; its error output when it fails',
    ),
  ),
  'targetImport.commit': managersOnly(
    command(
      z.object({ previewId: idSchema }).strict(),
      z.object({
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        sites: z.array(z.object({ siteId: idSchema, created: z.number().int(), updated: z.number().int() })),
      }),
      'Import every host of a preview in one transaction (new ones added, changed ones updated by host name at their site); refused when any host has an error or no site',
    ),
  ),
} as const;
