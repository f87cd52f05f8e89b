import type { Handlers } from '../api/handlers';
import type { ImportStore } from '../inventory-import/import-store';
import type { SyncEngine } from '../sync/sync-engine';
import { buildSiteReport } from './build-report';
import { exportSiteReportFile } from './export-file';
import { fetchReportsFromServer } from './fetch-from-server';
import { importReportFile, listReportImports, previewReportFile } from './import-file';
import { ReportPreviews } from './report-previews';

type SiteReportMethod = Extract<keyof Handlers, `siteReports.${string}`>;

export interface SiteReportEnvironment {
  dataDir: string;
  schemaVersion: number;
  sync: SyncEngine;
  /** The inventory import's store: big files arrive through its chunked upload (`inventoryImport.upload`). */
  uploads: ImportStore;
}

/** The handlers of shared/contract/site-report-methods.ts. */
export function createSiteReportHandlers(env: SiteReportEnvironment, previews = new ReportPreviews()): Pick<Handlers, SiteReportMethod> {
  return {
    'siteReports.get': (ctx, input) => buildSiteReport(ctx, env.dataDir, input.siteId),
    'siteReports.exportFile': (ctx, input) => exportSiteReportFile(ctx, env.dataDir, input.siteId, env.schemaVersion),
    'siteReports.previewFile': (ctx, input) => previewReportFile(ctx, env.uploads, previews, input),
    'siteReports.importFile': (ctx, input) => importReportFile(ctx, env.dataDir, previews, input),
    'siteReports.imports': listReportImports,
    'siteReports.fetchFromServer': (ctx) => fetchReportsFromServer(ctx.sqlite, env.sync, () => ctx.clock.now()),
  };
}
