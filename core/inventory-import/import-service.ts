import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { ImportPreview } from '../../shared/contract/inventory-import-methods';
import type { ImportDraft } from '../../shared/inventory-import/validate-rows';
import { addInventoryItems } from '../plan/plan-writer';
import { DomainError } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { settleMapping, toPreview, validateEntry } from './build-preview';
import { deploymentSites, requireSiteOf } from './deployment-lookup';
import type { ImportStore, PreviewEntry } from './import-store';
import { checkSize, isXlsx, readCsv, ReadFailure } from './read-table';

const BATCH = 5000;

/** A file that cannot be read, as the API says it (shared by the table imports). */
export function refusal(failure: ReadFailure): DomainError {
  return new DomainError(failure.code === 'too_large' ? 'payload_too_large' : 'validation', failure.message, [
    { path: 'file', message: failure.code },
  ]);
}

export function uploadChunk(store: ImportStore, input: ApiParsedInput<'inventoryImport.upload'>): ApiOutput<'inventoryImport.upload'> {
  store.sweep();
  const chunk = Buffer.from(input.chunkBase64, 'base64');
  let upload = store.uploads.get(input.uploadId);
  if (input.index === 0) {
    upload = { chunks: [], bytes: 0, nextIndex: 0, expiresAt: store.expiry() };
    store.uploads.set(input.uploadId, upload);
  }
  if (!upload) throw new DomainError('not_found', `Upload ${input.uploadId} does not exist (or expired); start again from chunk 0`);
  if (input.index !== upload.nextIndex)
    throw new DomainError('validation', `Upload ${input.uploadId}: expected chunk ${upload.nextIndex}, got ${input.index}`);
  try {
    checkSize(upload.bytes + chunk.length);
  } catch (error) {
    store.uploads.delete(input.uploadId);
    throw refusal(error as ReadFailure);
  }
  upload.chunks.push(chunk);
  upload.bytes += chunk.length;
  upload.nextIndex += 1;
  upload.expiresAt = store.expiry();
  return { uploadId: input.uploadId, receivedBytes: upload.bytes };
}

/** The file of a preview call: sent whole, or a finished chunked upload (then forgotten). */
export function takeFile(store: ImportStore, input: { dataBase64?: string | undefined; uploadId?: string | undefined }): Buffer {
  if (input.dataBase64 !== undefined) return Buffer.from(input.dataBase64, 'base64');
  const upload = store.uploads.get(input.uploadId ?? '');
  if (!upload) throw new DomainError('not_found', `Upload ${input.uploadId ?? ''} does not exist (or expired)`);
  store.uploads.delete(input.uploadId ?? '');
  return Buffer.concat(upload.chunks, upload.bytes);
}

/** Reads a file (or re-maps an earlier preview) and checks every row; writes nothing. */
export function previewImport(ctx: ServiceContext, store: ImportStore, input: ApiParsedInput<'inventoryImport.preview'>): ImportPreview {
  store.sweep();
  const sites = deploymentSites(ctx, input.deploymentId);
  const siteId = input.siteId ?? null;
  requireSiteOf(sites, siteId);
  if (input.previewId !== undefined) {
    const earlier = store.preview(input.previewId);
    if (!earlier || earlier.deploymentId !== input.deploymentId)
      throw new DomainError('not_found', 'That preview expired; choose the file again');
    earlier.mapping = input.mapping ?? null;
    earlier.siteId = siteId;
    earlier.expiresAt = store.expiry();
    settleMapping(earlier);
    return toPreview(ctx, earlier);
  }
  const data = takeFile(store, input);
  const entry: PreviewEntry = {
    id: ctx.newId(),
    deploymentId: input.deploymentId,
    siteId,
    fileName: input.fileName,
    status: 'parsing',
    failure: null,
    table: null,
    layout: 'custom',
    mapping: input.mapping ?? null,
    expiresAt: store.expiry(),
  };
  try {
    checkSize(data.length);
    if (isXlsx(data, input.fileName)) {
      store.previews.set(entry.id, entry);
      // exceljs loads on the first workbook, not when Outpost starts.
      import('./read-xlsx')
        .then(({ readXlsx }) => readXlsx(data))
        .then(
          (table) => Object.assign(entry, { table, status: 'ready' }),
          (error: unknown) => {
            const failure = error instanceof ReadFailure ? error : new ReadFailure('unreadable', String(error));
            Object.assign(entry, { status: 'failed', failure: { code: failure.code, message: failure.message } });
          },
        );
      return toPreview(ctx, entry);
    }
    entry.table = readCsv(data);
  } catch (error) {
    if (error instanceof ReadFailure) throw refusal(error);
    throw error;
  }
  entry.status = 'ready';
  settleMapping(entry);
  store.previews.set(entry.id, entry);
  return toPreview(ctx, entry);
}

export function getImportPreview(ctx: ServiceContext, store: ImportStore, input: { previewId: string }): ImportPreview {
  const entry = store.preview(input.previewId);
  if (!entry) throw new DomainError('not_found', 'That preview expired; choose the file again');
  return toPreview(ctx, entry);
}

/** All rows or none: re-checks against the data as it is now, then inserts in one transaction. */
export function commitImport(ctx: ServiceContext, store: ImportStore, input: { previewId: string }): ApiOutput<'inventoryImport.commit'> {
  const entry = store.preview(input.previewId);
  if (!entry) throw new DomainError('not_found', 'That preview expired; choose the file again');
  if (entry.status !== 'ready')
    throw new DomainError(
      'rule',
      entry.status === 'parsing' ? 'The file is still being read' : (entry.failure?.message ?? 'The file could not be read'),
    );
  const result = validateEntry(ctx, entry);
  if (!result) throw new DomainError('rule', 'The file could not be read');
  if (result.fileErrors.length > 0)
    throw new DomainError('rule', `Nothing imported: ${result.fileErrors.map((e) => e.message).join('; ')}`);
  if (result.rowErrors.length > 0) {
    const rows = new Set(result.rowErrors.map((e) => e.row)).size;
    throw new DomainError(
      'rule',
      `Nothing imported: ${rows} row${rows === 1 ? ' has' : 's have'} errors (first: row ${result.rowErrors[0]!.row}: ${result.rowErrors[0]!.message})`,
    );
  }
  const bySite = new Map<string, ImportDraft[]>();
  for (const d of result.drafts) {
    const list = bySite.get(d.siteId) ?? [];
    list.push(d);
    bySite.set(d.siteId, list);
  }
  const sites: { siteId: string; count: number }[] = [];
  for (const [siteId, drafts] of bySite) {
    for (let i = 0; i < drafts.length; i += BATCH) addInventoryItems(ctx, siteId, drafts.slice(i, i + BATCH));
    recordActivity(ctx, {
      action: 'inventory_imported',
      entity: 'site',
      entityId: siteId,
      siteId,
      detail: { fileName: entry.fileName, count: drafts.length },
    });
    sites.push({ siteId, count: drafts.length });
  }
  store.previews.delete(entry.id);
  return { imported: result.drafts.length, sites };
}
