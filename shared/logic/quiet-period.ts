/** A day of the quiet period: 24 hours, whatever a site's zone does with its clocks. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** When a quiet period of `days` that began at `startMs` ends (ms since the epoch): one rule for close-out and the downtime figures. */
export function quietPeriodEndMs(startMs: number, days: number): number {
  return startMs + days * DAY_MS;
}
