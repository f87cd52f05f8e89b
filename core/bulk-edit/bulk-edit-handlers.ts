import { bulkEditSites } from './bulk-edit-service';
import { lastBulkEdit, undoBulkEdit } from './bulk-undo';

/** The bulk edit methods: edit many sites, undo the newest edit, read it for the undo button. */
export function createBulkEditHandlers() {
  return { 'sites.bulkEdit': bulkEditSites, 'sites.undoBulkEdit': undoBulkEdit, 'sites.lastBulkEdit': lastBulkEdit };
}
