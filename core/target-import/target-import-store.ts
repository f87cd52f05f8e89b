import type { TargetImportFormat } from '../../shared/target-import/formats';
import type { SourceHost } from '../../shared/target-import/inventory';
import type { TargetField } from '../../shared/target-import/table-fields';
import { IMPORT_TTL_MS, ImportStore } from '../inventory-import/import-store';

const MAX_PREVIEWS = 8;

export interface TargetPreviewEntry {
  id: string;
  deploymentId: string;
  fileName: string;
  source: 'file' | 'ansible-inventory';
  format: TargetImportFormat;
  /** The file's text, kept to read it again with another format or mapping (files only). */
  text: string | null;
  /** Tables: the columns and the field each maps to. */
  table: { headers: string[]; rows: string[][]; mapping: TargetField[] } | null;
  hosts: SourceHost[];
  assignments: Map<string, string>;
  defaultSiteId: string | null;
  expiresAt: number;
}

/** The core's in-memory target imports: chunked uploads (the inventory import's store) and previews. */
export class TargetImportStore {
  readonly uploads = new ImportStore();
  readonly previews = new Map<string, TargetPreviewEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  expiry(): number {
    return this.now() + IMPORT_TTL_MS;
  }

  sweep(): void {
    const t = this.now();
    for (const [id, p] of this.previews) if (p.expiresAt < t) this.previews.delete(id);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
  }

  preview(id: string): TargetPreviewEntry | undefined {
    this.sweep();
    return this.previews.get(id);
  }
}
