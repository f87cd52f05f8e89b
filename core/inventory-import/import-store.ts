import type { ImportField, ImportLayout } from '../../shared/inventory-import/fields';
import { ExpiringPreviews } from './expiring-previews';
import type { RawTable, ReadFailureCode } from './read-table';

const MAX_UPLOADS = 8;
const MAX_PREVIEWS = 16;

export interface PendingUpload {
  chunks: Buffer[];
  bytes: number;
  nextIndex: number;
  expiresAt: number;
}

export interface PreviewEntry {
  id: string;
  deploymentId: string;
  siteId: string | null;
  fileName: string;
  status: 'parsing' | 'ready' | 'failed';
  failure: { code: ReadFailureCode; message: string } | null;
  table: RawTable | null;
  layout: ImportLayout;
  /** null: the detected mapping (known once the file is read). */
  mapping: ImportField[] | null;
  expiresAt: number;
}

/** The core's in-memory state of imports in progress; nothing here is in SQLite. */
export class ImportStore extends ExpiringPreviews<PreviewEntry> {
  readonly uploads = new Map<string, PendingUpload>();

  constructor(now: () => number = Date.now) {
    super(MAX_PREVIEWS, now);
  }

  /** Forgets what expired, and the oldest entries beyond the caps. */
  override sweep(): void {
    const t = this.now();
    for (const [id, u] of this.uploads) if (u.expiresAt < t) this.uploads.delete(id);
    while (this.uploads.size > MAX_UPLOADS) this.uploads.delete(this.uploads.keys().next().value as string);
    super.sweep();
  }
}
