import type { SiteImportField } from '../../shared/site-import/fields';
import type { KnownUser } from '../../shared/site-import/validate-site-rows';
import { ExpiringPreviews } from '../inventory-import/expiring-previews';
import { ImportStore } from '../inventory-import/import-store';
import type { RawTable } from '../inventory-import/read-table';

const MAX_PREVIEWS = 8;

export interface SitePreviewEntry {
  id: string;
  deploymentId: string;
  fileName: string;
  table: RawTable;
  mapping: SiteImportField[];
  /** The server's users the dialog sent (empty when this device has not fetched them). */
  users: KnownUser[];
  expiresAt: number;
}

/** The core's in-memory site imports: chunked uploads (the inventory import's store) and previews. */
export class SiteImportStore extends ExpiringPreviews<SitePreviewEntry> {
  readonly uploads = new ImportStore();

  constructor(now: () => number = Date.now) {
    super(MAX_PREVIEWS, now);
  }
}
