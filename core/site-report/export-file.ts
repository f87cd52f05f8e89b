import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiOutput } from '../../shared/contract';
import {
  SITE_REPORT_FORMAT,
  SITE_REPORT_FORMAT_VERSION,
  siteReportFileName,
  type FileAttachment,
  type FileRow,
  type SiteReportFile,
  type SiteReportManifest,
} from '../../shared/site-report/file-format';
import { blobRefsOfRow } from '../../shared/sync/blob-refs';
import { syncEntity } from '../../shared/sync/entity-registry';
import { createLogger } from '../logging/logger';
import { attachmentDir } from '../services/attachment-service';
import { DomainError } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { requireSite } from '../services/site-service';
import { deviceKey } from '../signoff/device-key';
import { sha256Hex } from '../signoff/sheet-crypto';
import { partsOf, signedHashOf } from './file-hash';
import { inApplyOrder, referencedDeploymentRows, sitePartitionRows } from './site-rows';

const log = createLogger('site-report.export');

/** SHA-256 values the rows name in their attachment columns (photos, signature images, PDFs). */
export function referencedBlobs(rows: readonly FileRow[]): string[] {
  const found = new Set<string>();
  for (const row of rows) {
    const entity = syncEntity(row.entity);
    for (const { value } of entity ? blobRefsOfRow(entity, row.data) : []) {
      if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) found.add(value);
    }
  }
  return [...found].sort();
}

/** Signature images travel inside their sheet's JSON (the sheet is self-contained); they are attachments only when stored as such. */
function inlineSignatureImages(rows: readonly FileRow[]): Set<string> {
  return new Set(rows.filter((r) => r.entity === 'sign_off_sheets').map((r) => String(r.data.signature_image_sha256)));
}

function readAttachments(ctx: ServiceContext, dataDir: string, shas: readonly string[], inline: Set<string>): FileAttachment[] {
  const meta = ctx.sqlite.prepare('SELECT media_type AS mediaType FROM attachments WHERE sha256 = ?');
  const stored = shas.filter((sha256) => !inline.has(sha256) || meta.get(sha256) !== undefined);
  return stored.map((sha256) => {
    const row = meta.get(sha256) as { mediaType: string } | undefined;
    const file = path.join(attachmentDir(dataDir), sha256);
    if (!row || !fs.existsSync(file))
      throw new DomainError(
        'conflict',
        `Attachment ${sha256.slice(0, 12)}… is not on this device; the report cannot be complete without it`,
      );
    const bytes = fs.readFileSync(file);
    if (sha256Hex(bytes) !== sha256)
      throw new DomainError(
        'conflict',
        `Attachment ${sha256.slice(0, 12)}… was altered on this device (its bytes no longer match its hash)`,
      );
    return { sha256, mediaType: row.mediaType, size: bytes.length, base64: bytes.toString('base64') };
  });
}

/** Builds the signed file of one site (rows, attachments, manifest) with this device's key. */
export function buildSiteReportFile(ctx: ServiceContext, dataDir: string, siteId: string, schemaVersion: number): SiteReportFile {
  const site = requireSite(ctx, siteId);
  const siteRows = sitePartitionRows(ctx.sqlite, siteId);
  const rows = inApplyOrder([...referencedDeploymentRows(ctx.sqlite, siteRows), ...siteRows]);
  const deployment = rows.find((r) => r.entity === 'deployments');
  if (!deployment) throw new DomainError('not_found', `The deployment of site ${site.code} is not on this device`);
  const attachments = readAttachments(ctx, dataDir, referencedBlobs(rows), inlineSignatureImages(rows));
  const key = deviceKey(ctx.secrets);
  const manifest: SiteReportManifest = {
    format: SITE_REPORT_FORMAT,
    formatVersion: SITE_REPORT_FORMAT_VERSION,
    schemaVersion,
    exportedAt: ctx.clock.now(),
    exportedBy: ctx.actor(),
    device: { id: key.deviceId, publicKey: key.publicKeyBase64, fingerprint: key.fingerprint },
    deployment: { id: String(deployment.data.id), name: String(deployment.data.name), version: String(deployment.data.version) },
    site: { id: site.id, code: site.code, name: site.name },
    counts: { rows: rows.length, attachments: attachments.length },
  };
  const parts = partsOf({ manifest, rows, attachments });
  const hash = signedHashOf(parts);
  const signature = crypto.sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
  return {
    manifest,
    rows,
    attachments,
    signature: { parts, hash: { algorithm: 'sha256', value: hash }, signature: { algorithm: 'ed25519', value: signature } },
  };
}

/** `siteReports.exportFile`: the file's text and name; the shell saves it where the user chooses. */
export function exportSiteReportFile(
  ctx: ServiceContext,
  dataDir: string,
  siteId: string,
  schemaVersion: number,
): ApiOutput<'siteReports.exportFile'> {
  const file = buildSiteReportFile(ctx, dataDir, siteId, schemaVersion);
  const content = JSON.stringify(file);
  const bytes = Buffer.byteLength(content);
  const sha256 = sha256Hex(content);
  const fileName = siteReportFileName(file.manifest.site.code, file.manifest.exportedAt);
  ctx.sqlite.transaction(() =>
    recordActivity(ctx, {
      action: 'exported',
      entity: 'site_report',
      entityId: siteId,
      siteId,
      detail: { fileName, sha256, rows: file.rows.length, attachments: file.attachments.length },
    }),
  )();
  log.info('site report exported', { siteId, rows: file.rows.length, attachments: file.attachments.length, bytes });
  return {
    fileName,
    content,
    sha256,
    bytes,
    rows: file.rows.length,
    attachments: file.attachments.length,
    keyFingerprint: file.manifest.device.fingerprint,
  };
}
