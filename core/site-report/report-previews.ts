import type { ReportFilePreview } from '../../shared/contract/site-report-methods';
import type { SiteReportFile } from '../../shared/site-report/file-format';

const TTL_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 8;

export interface StoredPreview {
  preview: ReportFilePreview;
  /** The verified file (null when it was refused). */
  file: SiteReportFile | null;
  expiresAt: number;
}

/** Previewed files waiting for `siteReports.importFile`, in memory (a few, for half an hour). */
export class ReportPreviews {
  private readonly entries = new Map<string, StoredPreview>();
  constructor(private readonly now: () => number = Date.now) {}

  put(preview: ReportFilePreview, file: SiteReportFile | null): void {
    const t = this.now();
    for (const [id, e] of this.entries) if (e.expiresAt < t) this.entries.delete(id);
    this.entries.set(preview.previewId, { preview, file, expiresAt: t + TTL_MS });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  get(previewId: string): StoredPreview | undefined {
    const entry = this.entries.get(previewId);
    return entry && entry.expiresAt >= this.now() ? entry : undefined;
  }

  delete(previewId: string): void {
    this.entries.delete(previewId);
  }
}
