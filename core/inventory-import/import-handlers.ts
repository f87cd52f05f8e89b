import type { Handlers } from '../api/handlers';
import { exportInventory } from './export-service';
import { ImportStore } from './import-store';
import { commitImport, getImportPreview, previewImport, uploadChunk } from './import-service';

type ImportHandlers = Pick<
  Handlers,
  'inventoryImport.upload' | 'inventoryImport.preview' | 'inventoryImport.getPreview' | 'inventoryImport.commit' | 'inventoryImport.export'
>;

/** The inventory import methods, sharing one in-memory store of uploads and previews. */
export function createInventoryImportHandlers(store = new ImportStore()): ImportHandlers {
  return {
    'inventoryImport.upload': (_ctx, input) => uploadChunk(store, input),
    'inventoryImport.preview': (ctx, input) => previewImport(ctx, store, input),
    'inventoryImport.getPreview': (ctx, input) => getImportPreview(ctx, store, input),
    'inventoryImport.commit': (ctx, input) => commitImport(ctx, store, input),
    'inventoryImport.export': exportInventory,
  };
}
