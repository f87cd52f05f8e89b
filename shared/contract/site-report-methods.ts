import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { siteReportManifestSchema } from '../site-report/file-format';
import { siteReportSchema } from '../site-report/report-model';
import { action, command, query } from './define';
import { IMPORT_CHUNK_MAX_CHARS } from './inventory-import-methods';

const base64Schema = z
  .string()
  .max(IMPORT_CHUNK_MAX_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const reportProblemSchema = z.object({
  /** format, signature, attachment, row, manifest, sign_off, site */
  code: z.string(),
  message: z.string(),
});
export type ReportProblem = z.infer<typeof reportProblemSchema>;

export const entityCountsSchema = z.object({
  entity: z.string(),
  inFile: z.number().int(),
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Rows this device has in a newer state (later `updated_at`): left as they are. */
  keptNewer: z.number().int(),
});
export type EntityCounts = z.infer<typeof entityCountsSchema>;

export const reportFilePreviewSchema = z.object({
  previewId: idSchema,
  fileName: z.string(),
  fileSha256: z.string(),
  bytes: z.number().int(),
  /** Null when the file is not a readable site report at all. */
  manifest: siteReportManifestSchema.nullable(),
  /** False when any check failed: `problems` says which. Nothing can be imported then. */
  importable: z.boolean(),
  problems: z.array(reportProblemSchema),
  signatureValid: z.boolean(),
  attachments: z.object({ count: z.number().int(), verified: z.number().int(), new: z.number().int() }),
  device: z
    .object({
      id: z.string(),
      fingerprint: z.string(),
      /** `keyStatus` is `registered` or `confirmed`: the file imports without a new confirmation. */
      known: z.boolean(),
      /**
       * `registered`: the central server registered this key (with its user and device); `confirmed`:
       * someone on this device confirmed its fingerprint at an earlier import; `unregistered`: an
       * unverified signer, imported only once the importer confirms the fingerprint.
       */
      keyStatus: z.enum(['registered', 'confirmed', 'unregistered']),
      /** "signed by Riley Field on device 'Riley's laptop', key registered 2026-11-24", or "key not registered: unverified signer". */
      signer: z.string(),
    })
    .nullable(),
  sheets: z.array(z.object({ id: idSchema, kind: z.string(), signerName: z.string(), valid: z.boolean(), reason: z.string().nullable() })),
  entities: z.array(entityCountsSchema),
  totals: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), keptNewer: z.number().int() }),
  /** Every row and attachment is already here as in the file. */
  nothingNew: z.boolean(),
  /** The site is already on this device (from the server or an earlier import). */
  siteKnown: z.boolean(),
});
export type ReportFilePreview = z.infer<typeof reportFilePreviewSchema>;

export const reportImportResultSchema = z.object({
  importId: idSchema.nullable(),
  deploymentId: idSchema,
  siteId: idSchema,
  nothingNew: z.boolean(),
  newRows: z.number().int(),
  changedRows: z.number().int(),
  keptNewer: z.number().int(),
  newAttachments: z.number().int(),
  entities: z.array(entityCountsSchema),
  deviceWasKnown: z.boolean(),
  message: z.string(),
});
export type ReportImportResult = z.infer<typeof reportImportResultSchema>;

export const reportImportRecordSchema = z.object({
  id: idSchema,
  fileSha256: z.string(),
  deviceId: z.string(),
  keyFingerprint: z.string(),
  deploymentId: idSchema,
  siteId: idSchema,
  siteCode: z.string(),
  exportedAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  newRows: z.number().int(),
  changedRows: z.number().int(),
  newAttachments: z.number().int(),
});

export const fetchedSiteSchema = z.object({
  siteId: idSchema,
  deploymentId: idSchema,
  deploymentName: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  change: z.enum(['new', 'changed']),
});

export const siteReportMethods = {
  'siteReports.get': query(
    z.object({ siteId: idSchema }).strict(),
    siteReportSchema,
    "A site's report from local data: summary, reconciliation, check runs, checklist, issues with history, sign-offs, rollbacks, attachments",
  ),
  'siteReports.exportFile': query(
    z.object({ siteId: idSchema }).strict(),
    z.object({
      fileName: z.string(),
      content: z.string(),
      sha256: z.string(),
      bytes: z.number().int(),
      rows: z.number().int(),
      attachments: z.number().int(),
      /** The signing key's fingerprint, shown so the technician can read it to whoever imports the file (when the key is not registered). */
      keyFingerprint: z.string(),
    }),
    "A site report file for an air-gapped site: the site's rows, the plan rows they refer to and the attachments, signed with this device's key",
  ),
  'siteReports.previewFile': query(
    z
      .object({
        fileName: z.string().trim().min(1).max(260),
        /** The whole file (small files), or */
        dataBase64: base64Schema.optional(),
        /** a finished chunked upload (`inventoryImport.upload`). */
        uploadId: z.string().uuid().optional(),
      })
      .strict()
      .refine((v) => (v.dataBase64 === undefined) !== (v.uploadId === undefined), 'Give exactly one of dataBase64 or uploadId'),
    reportFilePreviewSchema,
    'Check a site report file (format, signature, attachment hashes, rows) and say what is new; nothing is written',
  ),
  'siteReports.importFile': command(
    z
      .object({
        previewId: idSchema,
        /** The file's key fingerprint, confirmed by the importer (checked with the technician): needed when the key is not registered; recorded with who and when. */
        confirmFingerprint: z.string().max(100).optional(),
      })
      .strict(),
    reportImportResultSchema,
    'Import a previewed site report file: every row and attachment in one transaction, or nothing; importing the same file again changes nothing',
  ),
  'siteReports.imports': query(
    z.object({ siteId: idSchema.optional() }).strict(),
    z.array(reportImportRecordSchema),
    'Site report files imported on this device, newest first',
  ),
  'siteReports.fetchFromServer': action(
    z.object({}).strict(),
    z.object({ ok: z.boolean(), error: z.string().nullable(), sites: z.array(fetchedSiteSchema) }),
    'Sync with the central server now and list the site reports that arrived or changed',
  ),
} as const;
