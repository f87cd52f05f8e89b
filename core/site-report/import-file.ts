import fs from 'node:fs';
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { ReportFilePreview, ReportImportResult, ReportProblem } from '../../shared/contract/site-report-methods';
import type { SiteReportFile } from '../../shared/site-report/file-format';
import type { ImportStore } from '../inventory-import/import-store';
import { createLogger } from '../logging/logger';
import { attachmentDir } from '../services/attachment-service';
import { DomainError } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { signerIdentity } from '../signoff/registered-keys';
import { sha256Hex } from '../signoff/sheet-crypto';
import { writeFileAtomically } from '../storage/atomic-file';
import { applyRows } from './apply-rows';
import { checkRows } from './check-rows';
import { compareWithLocal } from './compare-local';
import { readSiteReportFile } from './read-file';
import type { ReportPreviews } from './report-previews';
import { cachedStatement } from '../db/statement-cache';
import { verifyFileIntegrity } from './verify-signature';

const log = createLogger('site-report.import');

function takeBytes(uploads: ImportStore, input: ApiParsedInput<'siteReports.previewFile'>): Buffer {
  if (input.dataBase64 !== undefined) return Buffer.from(input.dataBase64, 'base64');
  uploads.sweep();
  const upload = uploads.uploads.get(input.uploadId ?? '');
  if (!upload) throw new DomainError('not_found', `Upload ${input.uploadId ?? ''} does not exist (or expired); choose the file again`);
  uploads.uploads.delete(input.uploadId ?? '');
  return Buffer.concat(upload.chunks, upload.bytes);
}

/** Who signed the file, by its key: registered with the server, confirmed here before, or an unverified signer. */
function fileSigner(ctx: ServiceContext, file: SiteReportFile) {
  return signerIdentity(ctx.sqlite, file.manifest.device.fingerprint, file.manifest.device.publicKey);
}

function newAttachmentCount(ctx: ServiceContext, file: SiteReportFile): number {
  const known = cachedStatement(ctx.sqlite, 'SELECT 1 FROM attachments WHERE sha256 = ?');
  return file.attachments.filter((a) => known.get(a.sha256) === undefined).length;
}

/** Checks a file completely and says what importing it would bring; writes nothing to the database. */
export function previewReportFile(
  ctx: ServiceContext,
  uploads: ImportStore,
  previews: ReportPreviews,
  input: ApiParsedInput<'siteReports.previewFile'>,
): ReportFilePreview {
  const bytes = takeBytes(uploads, input);
  const base = { previewId: ctx.newId(), fileName: input.fileName, fileSha256: sha256Hex(bytes), bytes: bytes.length };
  const read = readSiteReportFile(bytes);
  if (!read.file) {
    const refused: ReportFilePreview = {
      ...base,
      manifest: null,
      importable: false,
      problems: [read.problem],
      signatureValid: false,
      attachments: { count: 0, verified: 0, new: 0 },
      device: null,
      sheets: [],
      entities: [],
      totals: { new: 0, changed: 0, unchanged: 0, keptNewer: 0 },
      nothingNew: false,
      siteKnown: false,
    };
    previews.put(refused, null);
    return refused;
  }
  const file = read.file;
  const integrity = verifyFileIntegrity(file);
  const rows = checkRows(file);
  const problems: ReportProblem[] = [...integrity.problems, ...rows.problems];
  const importable = problems.length === 0;
  const comparison = importable ? compareWithLocal(ctx.sqlite, file.rows) : { verdicts: [], entities: [] };
  const totals = { new: 0, changed: 0, unchanged: 0, keptNewer: 0 };
  for (const e of comparison.entities) for (const k of ['new', 'changed', 'unchanged', 'keptNewer'] as const) totals[k] += e[k];
  const newAttachments = importable ? newAttachmentCount(ctx, file) : 0;
  const preview: ReportFilePreview = {
    ...base,
    manifest: file.manifest,
    importable,
    problems,
    signatureValid: integrity.signatureValid,
    attachments: { count: file.attachments.length, verified: integrity.attachmentsVerified, new: newAttachments },
    device: (() => {
      const signer = fileSigner(ctx, file);
      return {
        id: file.manifest.device.id,
        fingerprint: file.manifest.device.fingerprint,
        known: signer.status !== 'unregistered',
        keyStatus: signer.status,
        signer: signer.description,
      };
    })(),
    sheets: rows.sheets,
    entities: comparison.entities,
    totals,
    nothingNew: importable && totals.new === 0 && totals.changed === 0 && newAttachments === 0,
    siteKnown: cachedStatement(ctx.sqlite, 'SELECT 1 FROM sites WHERE id = ?').get(file.manifest.site.id) !== undefined,
  };
  previews.put(preview, importable ? file : null);
  return preview;
}

function writeAttachmentFiles(dataDir: string, file: SiteReportFile): void {
  const dir = attachmentDir(dataDir);
  for (const a of file.attachments) {
    const target = path.join(dir, a.sha256);
    if (fs.existsSync(target) && sha256Hex(fs.readFileSync(target)) === a.sha256) continue;
    const bytes = Buffer.from(a.base64, 'base64');
    if (sha256Hex(bytes) !== a.sha256)
      throw new DomainError('rule', `Attachment ${a.sha256.slice(0, 12)}… does not match its SHA-256; nothing was imported`);
    writeFileAtomically(target, bytes);
  }
}

/**
 * Imports a previewed file in the caller's transaction (the dispatcher's): attachments by hash
 * (files first, then their rows), then the rows, then the import record. All or nothing; a file
 * already imported, or whose content is all here, changes nothing.
 */
export function importReportFile(
  ctx: ServiceContext,
  dataDir: string,
  previews: ReportPreviews,
  { previewId, confirmFingerprint }: ApiParsedInput<'siteReports.importFile'>,
): ReportImportResult {
  const stored = previews.get(previewId);
  if (!stored) throw new DomainError('not_found', 'That preview expired; choose the file again');
  const { file, preview } = stored;
  if (!file || !preview.manifest)
    throw new DomainError('rule', `The file was refused: ${preview.problems.map((p) => p.message).join('; ')}`);
  const signer = fileSigner(ctx, file);
  const fingerprint = file.manifest.device.fingerprint;
  if (signer.status === 'unregistered' && confirmFingerprint !== fingerprint) {
    throw new DomainError(
      'rule',
      confirmFingerprint === undefined
        ? `The file's key ${fingerprint} is not registered (unverified signer): check the fingerprint with the technician and confirm it to import`
        : `The confirmed fingerprint ${confirmFingerprint} is not the file's key ${fingerprint}; nothing was imported`,
    );
  }
  const { verdicts, entities } = compareWithLocal(ctx.sqlite, file.rows);
  const count = (v: string) => verdicts.filter((x) => x === v).length;
  const newRows = count('new');
  const changedRows = count('changed');
  const keptNewer = count('keptNewer');
  const newAttachments = newAttachmentCount(ctx, file);
  const deviceWasKnown = signer.status !== 'unregistered';
  const alreadyImported =
    cachedStatement(ctx.sqlite, 'SELECT 1 FROM site_report_imports WHERE file_sha256 = ?').get(preview.fileSha256) !== undefined;
  const siteId = file.manifest.site.id;
  const nothingNew = newRows === 0 && changedRows === 0 && newAttachments === 0;
  if (nothingNew && alreadyImported) {
    previews.delete(previewId);
    return {
      importId: null,
      deploymentId: file.manifest.deployment.id,
      siteId,
      nothingNew,
      newRows,
      changedRows,
      keptNewer,
      newAttachments,
      entities,
      deviceWasKnown,
      message: `Nothing new: site ${file.manifest.site.code} is already here as in this file`,
    };
  }
  writeAttachmentFiles(dataDir, file);
  const now = ctx.clock.now();
  if (signer.status === 'unregistered') {
    cachedStatement(
      ctx.sqlite,
      'INSERT INTO confirmed_device_keys (id, fingerprint, device_id, file_sha256, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(ctx.newId(), fingerprint, file.manifest.device.id, preview.fileSha256, now, ctx.actor());
    log.info('unregistered signing key confirmed on import', { fingerprint, by: ctx.actor() });
  }
  const insertAttachment = cachedStatement(
    ctx.sqlite,
    'INSERT INTO attachments (sha256, media_type, size, created_at, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING',
  );
  for (const a of file.attachments) insertAttachment.run(a.sha256, a.mediaType, a.size, now, ctx.actor());
  applyRows(ctx.sqlite, file.rows, verdicts);
  const importId = ctx.newId();
  const m = file.manifest;
  cachedStatement(
    ctx.sqlite,
    `INSERT INTO site_report_imports (id, file_sha256, device_id, key_fingerprint, deployment_id, site_id, site_code, exported_at, imported_at, imported_by,
         new_rows, changed_rows, new_attachments, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    importId,
    preview.fileSha256,
    m.device.id,
    m.device.fingerprint,
    m.deployment.id,
    siteId,
    m.site.code,
    m.exportedAt,
    now,
    ctx.actor(),
    newRows,
    changedRows,
    newAttachments,
    JSON.stringify({ fileName: preview.fileName, entities, keptNewer }),
  );
  recordActivity(
    ctx,
    {
      action: 'imported',
      entity: 'site_report',
      entityId: importId,
      siteId,
      detail: { fileName: preview.fileName, device: m.device.fingerprint, newRows, changedRows, newAttachments },
    },
    now,
  );
  previews.delete(previewId);
  log.info('site report imported', { siteId, newRows, changedRows, newAttachments, deviceWasKnown });
  const message = nothingNew
    ? `Nothing new: site ${m.site.code} is already here as in this file (the file is recorded)`
    : `Imported site ${m.site.code}: ${newRows} new rows, ${changedRows} changed, ${newAttachments} new attachments`;
  return {
    importId,
    deploymentId: m.deployment.id,
    siteId,
    nothingNew,
    newRows,
    changedRows,
    keptNewer,
    newAttachments,
    entities,
    deviceWasKnown,
    message,
  };
}

export function listReportImports(
  ctx: ServiceContext,
  { siteId }: ApiParsedInput<'siteReports.imports'>,
): ApiOutput<'siteReports.imports'> {
  return ctx.sqlite
    .prepare(
      `SELECT id, file_sha256 AS fileSha256, device_id AS deviceId, key_fingerprint AS keyFingerprint, deployment_id AS deploymentId, site_id AS siteId,
         site_code AS siteCode, exported_at AS exportedAt, imported_at AS importedAt, imported_by AS importedBy, new_rows AS newRows,
         changed_rows AS changedRows, new_attachments AS newAttachments
       FROM site_report_imports WHERE ? IS NULL OR site_id = ? ORDER BY imported_at DESC, id DESC LIMIT 500`,
    )
    .all(siteId ?? null, siteId ?? null) as ApiOutput<'siteReports.imports'>;
}
