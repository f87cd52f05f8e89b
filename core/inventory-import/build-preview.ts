import { IMPORT_PREVIEW_ERRORS_MAX, IMPORT_PREVIEW_SAMPLE_ROWS, type ImportPreview } from '../../shared/contract/inventory-import-methods';
import { autoMapping, detectLayout } from '../../shared/inventory-import/header-aliases';
import { validateImportRows, type ValidationResult } from '../../shared/inventory-import/validate-rows';
import type { ServiceContext } from '../services/service-context';
import { deploymentSites, existingSerialKeys } from './deployment-lookup';
import type { PreviewEntry } from './import-store';

/** Fills in the detected layout and mapping once the table is known. */
export function settleMapping(entry: PreviewEntry): void {
  if (!entry.table) return;
  const width = entry.table.headers.length;
  entry.layout = detectLayout(entry.table.headers);
  const mapping = entry.mapping ?? autoMapping(entry.table.headers);
  entry.mapping = Array.from({ length: width }, (_, i) => mapping[i] ?? 'ignore');
}

/** Checks the rows against the deployment as it is now. */
export function validateEntry(ctx: ServiceContext, entry: PreviewEntry): ValidationResult | null {
  if (entry.status !== 'ready' || !entry.table) return null;
  settleMapping(entry);
  return validateImportRows({
    headers: entry.table.headers,
    rows: entry.table.rows,
    mapping: entry.mapping ?? [],
    sites: deploymentSites(ctx, entry.deploymentId),
    siteId: entry.siteId,
    existingSerialKeys: existingSerialKeys(ctx, entry.deploymentId),
  });
}

export function toPreview(ctx: ServiceContext, entry: PreviewEntry): ImportPreview {
  const result = validateEntry(ctx, entry);
  const table = entry.table;
  const rowCount = result?.rowCount ?? 0;
  const errorRows = result ? new Set(result.rowErrors.map((e) => e.row)).size : 0;
  return {
    previewId: entry.id,
    status: entry.status,
    failure: entry.failure,
    fileName: entry.fileName,
    format: table?.format ?? (entry.status === 'parsing' ? 'xlsx' : 'csv'),
    delimiter: table?.delimiter ?? null,
    layout: entry.layout,
    headers: table?.headers ?? [],
    mapping: entry.mapping ?? [],
    rowCount,
    validCount: result?.drafts.length ?? 0,
    errorCount: errorRows,
    fileErrors: result?.fileErrors ?? [],
    rowErrors: result?.rowErrors.slice(0, IMPORT_PREVIEW_ERRORS_MAX) ?? [],
    sampleRows: sampleRows(entry, result),
    siteId: entry.siteId,
    expiresAt: new Date(entry.expiresAt).toISOString(),
  };
}

/** The first rows, and the rows with errors so the dialog can show them. */
function sampleRows(entry: PreviewEntry, result: ValidationResult | null): ImportPreview['sampleRows'] {
  const table = entry.table;
  if (!table) return [];
  const wanted = new Set<number>();
  for (let r = 1; r <= Math.min(IMPORT_PREVIEW_SAMPLE_ROWS, table.rows.length); r += 1) wanted.add(r);
  for (const e of (result?.rowErrors ?? []).slice(0, 100)) wanted.add(e.row);
  return [...wanted].sort((a, b) => a - b).map((row) => ({ row, cells: (table.rows[row - 1] ?? []).slice(0, table.headers.length) }));
}
