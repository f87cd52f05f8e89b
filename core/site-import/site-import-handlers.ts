import type { Handlers } from '../api/handlers';
import { exportSites } from './site-export';
import { commitSites, previewSites, uploadSiteChunk } from './site-import-service';
import { SiteImportStore } from './site-import-store';

type SiteImportHandlers = Pick<Handlers, 'siteImport.upload' | 'siteImport.preview' | 'siteImport.commit' | 'siteImport.export'>;

/** The site import and export methods, sharing one in-memory store of uploads and previews. */
export function createSiteImportHandlers(store = new SiteImportStore()): SiteImportHandlers {
  return {
    'siteImport.upload': (_ctx, input) => uploadSiteChunk(store, input),
    'siteImport.preview': (ctx, input) => previewSites(ctx, store, input),
    'siteImport.commit': (ctx, input) => commitSites(ctx, store, input),
    'siteImport.export': exportSites,
  };
}
