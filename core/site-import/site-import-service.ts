import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import type { SiteImportPreview } from '../../shared/contract/site-import-methods';
import type { SiteDataField } from '../../shared/site-import/fields';
import type { SiteImportRow } from '../../shared/site-import/validate-site-rows';
import { updateSite } from '../authoring/site-authoring';
import { refusal, takeFile, uploadChunk } from '../inventory-import/import-service';
import { checkSize, isXlsx, readCsv, ReadFailure, type RawTable } from '../inventory-import/read-table';
import { DomainError } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { createSite } from '../services/site-service';
import { loadDeploymentPlan } from './site-import-data';
import { toSitePreview } from './site-import-preview';
import type { SiteImportStore, SitePreviewEntry } from './site-import-store';
import { settleSiteMapping, validateSiteEntry } from './site-import-validation';

export function uploadSiteChunk(store: SiteImportStore, input: ApiParsedInput<'siteImport.upload'>): ApiOutput<'siteImport.upload'> {
  return uploadChunk(store.uploads, input);
}

/** A CSV, or the first sheet of a workbook (exceljs loads on the first workbook, not at start-up). */
async function readTable(data: Buffer, fileName: string): Promise<RawTable> {
  try {
    checkSize(data.length);
    if (!isXlsx(data, fileName)) return readCsv(data);
    const { readXlsx } = await import('../inventory-import/read-xlsx');
    return await readXlsx(data);
  } catch (error) {
    if (error instanceof ReadFailure) throw refusal(error);
    throw error;
  }
}

const notFoundPreview = () => new DomainError('not_found', 'That preview expired; choose the file again');

/** Reads a site list (or re-maps an earlier preview) and checks every row; writes nothing. */
export async function previewSites(
  ctx: ServiceContext,
  store: SiteImportStore,
  input: ApiParsedInput<'siteImport.preview'>,
): Promise<SiteImportPreview> {
  store.sweep();
  loadDeploymentPlan(ctx, input.deploymentId);
  const users = input.users?.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  if (input.previewId !== undefined) {
    const earlier = store.preview(input.previewId);
    if (!earlier || earlier.deploymentId !== input.deploymentId) throw notFoundPreview();
    earlier.mapping = settleSiteMapping(earlier.table.headers, input.mapping);
    if (users) earlier.users = users;
    earlier.expiresAt = store.expiry();
    return toSitePreview(ctx, earlier);
  }
  const table = await readTable(takeFile(store.uploads, input), input.fileName);
  const entry: SitePreviewEntry = {
    id: ctx.newId(),
    deploymentId: input.deploymentId,
    fileName: input.fileName,
    table,
    mapping: settleSiteMapping(table.headers, input.mapping),
    users: users ?? [],
    expiresAt: store.expiry(),
  };
  store.previews.set(entry.id, entry);
  return toSitePreview(ctx, entry);
}

const INPUT_KEY: Record<SiteDataField, string> = {
  code: 'code',
  name: 'name',
  address: 'address',
  timeZone: 'timeZone',
  wave: 'waveId',
  windowStart: 'windowStart',
  windowEnd: 'windowEnd',
  ownerName: 'ownerName',
  ownerEmail: 'ownerEmail',
  ownerPhone: 'ownerPhone',
  technicians: 'technicians',
  notes: 'notes',
};

/** The changed fields only, so the site's activity entry names exactly what the file changed. */
function changedPatch(row: SiteImportRow): Record<string, unknown> {
  const values = row.values as Record<string, unknown>;
  return Object.fromEntries(row.changes.map((c) => [INPUT_KEY[c.field], values[INPUT_KEY[c.field]]]));
}

/**
 * All rows or none, in the caller's transaction: re-checked against the data as it is now; a new
 * site is made exactly as "Add site" makes it (checklist from the template), a changed one edited
 * as "Edit site" edits it (one activity entry each).
 */
export function commitSites(
  ctx: ServiceContext,
  store: SiteImportStore,
  input: ApiParsedInput<'siteImport.commit'>,
): ApiOutput<'siteImport.commit'> {
  const entry = store.preview(input.previewId);
  if (!entry) throw notFoundPreview();
  const { result } = validateSiteEntry(ctx, entry);
  if (result.fileErrors.length > 0)
    throw new DomainError('rule', `Nothing imported: ${result.fileErrors.map((e) => e.message).join('; ')}`);
  if (result.rowErrors.length > 0) {
    const rows = new Set(result.rowErrors.map((e) => e.row)).size;
    const first = result.rowErrors[0]!;
    throw new DomainError(
      'rule',
      `Nothing imported: ${rows} row${rows === 1 ? ' has' : 's have'} errors (first: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message})`,
    );
  }
  const done = { created: 0, updated: 0, unchanged: 0 };
  for (const row of result.sites) {
    if (row.status === 'unchanged') done.unchanged += 1;
    else if (row.status === 'changed') {
      updateSite(ctx, { siteId: row.siteId!, ...changedPatch(row) });
      done.updated += 1;
    } else {
      const v = row.values;
      createSite(ctx, {
        deploymentId: entry.deploymentId,
        waveId: v.waveId ?? null,
        code: row.code,
        name: v.name ?? row.code,
        address: v.address ?? '',
        timeZone: v.timeZone!,
        ownerName: v.ownerName ?? '',
        ownerEmail: v.ownerEmail ?? '',
        ownerPhone: v.ownerPhone ?? '',
        windowStart: v.windowStart ?? null,
        windowEnd: v.windowEnd ?? null,
        technicians: v.technicians ?? [],
        notes: v.notes ?? '',
        language: null,
      });
      done.created += 1;
    }
  }
  store.previews.delete(entry.id);
  return done;
}
