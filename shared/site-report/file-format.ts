import { z } from 'zod';
import { idSchema } from '../domain/audit';
import { sha256Schema, wireRowSchema } from '../sync/wire';

/**
 * A site report file (`<site code>-<yyyymmdd-hhmm>.outpost-report`): one JSON document a
 * technician's device exports for a site with no network, carried to a release manager's device.
 *
 * JSON rather than a zip: no archive library on either side, a person (or `jq`) can read it, and the
 * signed form is JSON anyway. Attachments travel as base64 (a third larger); site photos are
 * small, and files beyond one API call go through the chunked upload of the inventory import.
 */
export const SITE_REPORT_FORMAT = 'outpost-site-report';
export const SITE_REPORT_FORMAT_VERSION = 1;
export const SITE_REPORT_EXTENSION = '.outpost-report';

export const siteReportManifestSchema = z
  .object({
    format: z.literal(SITE_REPORT_FORMAT),
    formatVersion: z.number().int(),
    /** Local schema version of the exporting device (rows are in its column form). */
    schemaVersion: z.number().int(),
    exportedAt: z.string(),
    exportedBy: z.string(),
    device: z
      .object({
        id: z.string().min(1).max(64),
        publicKey: z.string().min(1).max(200),
        fingerprint: z.string().regex(/^SHA256:[0-9a-f]{64}$/),
      })
      .strict(),
    deployment: z.object({ id: idSchema, name: z.string(), version: z.string() }).strict(),
    site: z.object({ id: idSchema, code: z.string(), name: z.string() }).strict(),
    counts: z.object({ rows: z.number().int().nonnegative(), attachments: z.number().int().nonnegative() }).strict(),
  })
  .strict();
export type SiteReportManifest = z.infer<typeof siteReportManifestSchema>;

/** One row in the sync wire form: the entity (table), its wire row id, and its columns. */
export const fileRowSchema = z.object({ entity: z.string().max(64), rowId: z.string().max(400), data: wireRowSchema }).strict();
export type FileRow = z.infer<typeof fileRowSchema>;

export const fileAttachmentSchema = z
  .object({
    sha256: sha256Schema,
    mediaType: z.string().min(1).max(200),
    size: z.number().int().nonnegative(),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
  })
  .strict();
export type FileAttachment = z.infer<typeof fileAttachmentSchema>;

export const fileSignatureSchema = z
  .object({
    /** Hashes of the parts (inside the signed hash), so a refusal can say which part was changed. */
    parts: z.object({ manifestSha256: sha256Schema, rowsSha256: sha256Schema, attachmentsSha256: sha256Schema }).strict(),
    hash: z.object({ algorithm: z.literal('sha256'), value: sha256Schema }).strict(),
    signature: z.object({ algorithm: z.literal('ed25519'), value: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
  })
  .strict();

export const siteReportFileSchema = z
  .object({
    manifest: siteReportManifestSchema,
    rows: z.array(fileRowSchema),
    attachments: z.array(fileAttachmentSchema),
    signature: fileSignatureSchema,
  })
  .strict();
export type SiteReportFile = z.infer<typeof siteReportFileSchema>;

/**
 * What the device signs: the canonical JSON (shared/signoff/canonical-json.ts) of the hashes of the
 * three parts: the manifest (its canonical JSON), the rows exactly as written
 * (`JSON.stringify(rows)`), and the attachment list (canonical JSON of each SHA-256, media type and
 * size; each attachment's bytes are checked against its SHA-256). The rows are hashed as written
 * rather than in the canonical form because the canonical form rewrites zoned date-times to UTC,
 * so a changed zone in a row would otherwise go unnoticed.
 */
export interface SignedParts {
  manifestSha256: string;
  rowsSha256: string;
  attachmentsSha256: string;
}

export function attachmentList(attachments: readonly Pick<FileAttachment, 'sha256' | 'mediaType' | 'size'>[]) {
  return attachments.map((a) => ({ sha256: a.sha256, mediaType: a.mediaType, size: a.size }));
}

export function signedEnvelope(parts: SignedParts) {
  return { format: SITE_REPORT_FORMAT, formatVersion: SITE_REPORT_FORMAT_VERSION, ...parts };
}

/** `<site code>-<yyyymmdd-hhmm>.outpost-report` (UTC), the code reduced to file-name-safe characters. */
export function siteReportFileName(siteCode: string, exportedAt: string): string {
  const code = siteCode.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'site';
  const t = exportedAt.replace(/[-:]/g, '');
  return `${code}-${t.slice(0, 8)}-${t.slice(9, 13)}${SITE_REPORT_EXTENSION}`;
}
