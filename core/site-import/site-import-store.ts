import type { SiteImportField } from '../../shared/site-import/fields';
import type { KnownUser } from '../../shared/site-import/validate-site-rows';
import { IMPORT_TTL_MS, ImportStore } from '../inventory-import/import-store';
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
export class SiteImportStore {
  readonly uploads = new ImportStore();
  readonly previews = new Map<string, SitePreviewEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  expiry(): number {
    return this.now() + IMPORT_TTL_MS;
  }

  sweep(): void {
    const t = this.now();
    for (const [id, p] of this.previews) if (p.expiresAt < t) this.previews.delete(id);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
  }

  preview(id: string): SitePreviewEntry | undefined {
    this.sweep();
    return this.previews.get(id);
  }
}
