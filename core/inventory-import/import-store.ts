import type { ImportField, ImportLayout } from '../../shared/inventory-import/fields';
import type { RawTable, ReadFailureCode } from './read-table';

/** Previews and unfinished uploads live this long in memory. */
export const IMPORT_TTL_MS = 30 * 60 * 1000;
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
export class ImportStore {
  readonly uploads = new Map<string, PendingUpload>();
  readonly previews = new Map<string, PreviewEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  expiry(): number {
    return this.now() + IMPORT_TTL_MS;
  }

  /** Forgets what expired, and the oldest entries beyond the caps. */
  sweep(): void {
    const t = this.now();
    for (const [id, u] of this.uploads) if (u.expiresAt < t) this.uploads.delete(id);
    for (const [id, p] of this.previews) if (p.expiresAt < t) this.previews.delete(id);
    while (this.uploads.size > MAX_UPLOADS) this.uploads.delete(this.uploads.keys().next().value as string);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
  }

  preview(id: string): PreviewEntry | undefined {
    this.sweep();
    return this.previews.get(id);
  }
}
