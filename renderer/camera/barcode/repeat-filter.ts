/** The same value seen again within this long is the same scan (a label held in front of the camera). */
export const REPEAT_WINDOW_MS = 2000;
const PRUNE_ABOVE = 200;

/**
 * Passes a value once, then ignores it while it keeps being seen: a value counts again only
 * after it was out of sight for the whole window. Clock injected for tests.
 */
export class RepeatFilter {
  private readonly lastSeen = new Map<string, number>();

  constructor(
    private readonly windowMs = REPEAT_WINDOW_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the value is new (or back after the window); either way it is now seen. */
  accept(value: string): boolean {
    const now = this.now();
    const last = this.lastSeen.get(value);
    this.lastSeen.set(value, now);
    if (this.lastSeen.size > PRUNE_ABOVE) this.prune(now);
    return last === undefined || now - last > this.windowMs;
  }

  /** Marks a value seen without asking (one picked from a list). */
  note(value: string): void {
    this.lastSeen.set(value, this.now());
  }

  private prune(now: number): void {
    for (const [value, at] of this.lastSeen) if (now - at > this.windowMs) this.lastSeen.delete(value);
  }
}
