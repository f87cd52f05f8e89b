/** Previews and unfinished uploads live this long in memory. */
export const IMPORT_TTL_MS = 30 * 60 * 1000;

/**
 * An import's previews, in memory only: each lives IMPORT_TTL_MS from its last use, and beyond the
 * cap the oldest go first. One mechanism for the inventory, site and target imports.
 */
export class ExpiringPreviews<T extends { expiresAt: number }> {
  readonly previews = new Map<string, T>();

  constructor(
    private readonly maxPreviews: number,
    protected readonly now: () => number = Date.now,
  ) {}

  expiry(): number {
    return this.now() + IMPORT_TTL_MS;
  }

  /** Forgets what expired, and the oldest previews beyond the cap. */
  sweep(): void {
    const t = this.now();
    for (const [id, p] of this.previews) if (p.expiresAt < t) this.previews.delete(id);
    while (this.previews.size > this.maxPreviews) this.previews.delete(this.previews.keys().next().value as string);
  }

  preview(id: string): T | undefined {
    this.sweep();
    return this.previews.get(id);
  }
}
