import { IMPORT_PREVIEW_ERRORS_MAX, IMPORT_PREVIEW_SAMPLE_ROWS } from '../../shared/contract/inventory-import-methods';
import {
  SITE_IMPORT_PREVIEW_SITES_MAX,
  SITE_IMPORT_PREVIEW_WARNINGS_MAX,
  type SiteImportPreview,
} from '../../shared/contract/site-import-methods';
import { scheduleWarnings, type ScheduledSite } from '../../shared/logic/schedule-checks';
import type { SiteImportRow, SiteValidationResult } from '../../shared/site-import/validate-site-rows';
import { loadScheduleSites, loadScheduleWaves } from '../schedule/schedule-data';
import type { ServiceContext } from '../services/service-context';
import type { SitePreviewEntry } from './site-import-store';
import { validateSiteEntry } from './site-import-validation';

const SCHEDULED_FIELDS = [
  'name',
  'waveId',
  'timeZone',
  'windowStart',
  'windowEnd',
  'technicians',
  'ownerName',
  'ownerEmail',
  'ownerPhone',
] as const;

/** The file's sites as they would be after the import, among every site here, checked for schedule warnings. */
function importWarnings(ctx: ServiceContext, deploymentId: string, rows: readonly SiteImportRow[]): ReturnType<typeof scheduleWarnings> {
  if (rows.length === 0) return [];
  const all = loadScheduleSites(ctx);
  const byId = new Map<string, ScheduledSite>(all.map((s) => [s.id, s]));
  const deploymentName = all.find((s) => s.deploymentId === deploymentId)?.deploymentName ?? '';
  const only = new Set<string>();
  for (const r of rows) {
    const id = r.siteId ?? `import-row-${r.row}`;
    const next: ScheduledSite = {
      ...(byId.get(id) ?? {
        id,
        code: r.code,
        name: '',
        deploymentId,
        deploymentName,
        waveId: null,
        timeZone: 'UTC',
        windowStart: null,
        windowEnd: null,
        technicians: [],
        ownerName: '',
        ownerEmail: '',
        ownerPhone: '',
        status: 'planned',
      }),
    };
    for (const key of SCHEDULED_FIELDS) if (r.values[key] !== undefined) Object.assign(next, { [key]: r.values[key] });
    byId.set(id, next);
    only.add(id);
  }
  return scheduleWarnings([...byId.values()], loadScheduleWaves(ctx, deploymentId), only);
}

function sampleRows(entry: SitePreviewEntry, result: SiteValidationResult): SiteImportPreview['sampleRows'] {
  const { headers, rows } = entry.table;
  const wanted = new Set<number>();
  for (let r = 1; r <= Math.min(IMPORT_PREVIEW_SAMPLE_ROWS, rows.length); r += 1) wanted.add(r);
  for (const e of result.rowErrors.slice(0, 100)) wanted.add(e.row);
  return [...wanted].sort((a, b) => a - b).map((row) => ({ row, cells: (rows[row - 1] ?? []).slice(0, headers.length) }));
}

/** What the dialog and the CLI show: counts, the diff per site, row errors and schedule warnings. */
export function toSitePreview(ctx: ServiceContext, entry: SitePreviewEntry): SiteImportPreview {
  const { plan, result } = validateSiteEntry(ctx, entry);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const s of result.sites) counts[s.status] += 1;
  const listed = result.sites.filter((s) => s.status !== 'unchanged');
  const codeColumn = entry.mapping.indexOf('code');
  const fileCodes = new Set(codeColumn < 0 ? [] : entry.table.rows.map((r) => (r[codeColumn] ?? '').trim()));
  const clean = result.fileErrors.length === 0 && result.rowErrors.length === 0;
  const warnings = clean ? importWarnings(ctx, entry.deploymentId, result.sites) : [];
  return {
    previewId: entry.id,
    fileName: entry.fileName,
    format: entry.table.format,
    headers: entry.table.headers,
    mapping: entry.mapping,
    rowCount: result.rowCount,
    errorCount: new Set(result.rowErrors.map((e) => e.row)).size,
    fileErrors: result.fileErrors,
    rowErrors: result.rowErrors.slice(0, IMPORT_PREVIEW_ERRORS_MAX),
    counts,
    sites: listed
      .slice(0, SITE_IMPORT_PREVIEW_SITES_MAX)
      .map((s) => ({ row: s.row, code: s.code, name: s.name, status: s.status as 'new' | 'changed', changes: s.changes })),
    sitesTruncated: listed.length > SITE_IMPORT_PREVIEW_SITES_MAX,
    untouchedCount: plan.sites.filter((s) => !fileCodes.has(s.code)).length,
    warnings: warnings.slice(0, SITE_IMPORT_PREVIEW_WARNINGS_MAX).map((w) => ({ siteCode: w.siteCode, kind: w.kind, message: w.message })),
    warningCount: warnings.length,
    sampleRows: sampleRows(entry, result),
    expiresAt: new Date(entry.expiresAt).toISOString(),
  };
}
