import type { TargetImportFormat } from '../../shared/target-import/formats';
import type { SourceHost } from '../../shared/target-import/inventory';
import type { TargetField } from '../../shared/target-import/table-fields';
import { ExpiringPreviews } from '../inventory-import/expiring-previews';
import { ImportStore } from '../inventory-import/import-store';

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
export class TargetImportStore extends ExpiringPreviews<TargetPreviewEntry> {
  readonly uploads = new ImportStore();

  constructor(now: () => number = Date.now) {
    super(MAX_PREVIEWS, now);
  }
}
