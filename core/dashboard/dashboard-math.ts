import type { Adherence, DurationFigures } from '../../shared/contract/dashboard-methods';

export function emptyAdherence(): Adherence {
  return { early: 0, onTime: 0, late: 0, overdue: 0, inWindow: 0, upcoming: 0, noWindow: 0 };
}

/** The earliest of the given ISO times (null when none). */
export function earliest(...times: (string | null)[]): string | null {
  let best: string | null = null;
  let bestMs = Number.POSITIVE_INFINITY;
  for (const t of times) {
    if (!t) continue;
    const ms = Date.parse(t);
    if (!Number.isNaN(ms) && ms < bestMs) {
      bestMs = ms;
      best = t;
    }
  }
  return best;
}

/** Nearest-rank percentile of sorted values. */
export function percentileOf(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const DURATION_BUCKETS: readonly { label: string; maxHours: number | null }[] = [
  { label: '< 4 h', maxHours: 4 },
  { label: '4–8 h', maxHours: 8 },
  { label: '8–24 h', maxHours: 24 },
  { label: '1–2 d', maxHours: 48 },
  { label: '2–7 d', maxHours: 168 },
  { label: '1–2 w', maxHours: 336 },
  { label: '> 2 w', maxHours: null },
];

/** Hours kept to the whole second, so "7 min 53 s" is not rounded to a tenth of an hour (6 min). */
function toWholeSecond(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 3600) / 3600;
}

/** Median, p90 and a histogram of start→sign-off durations (hours, to the second). */
export function durationFigures(hours: readonly number[]): DurationFigures {
  const sorted = [...hours].sort((a, b) => a - b);
  const buckets = DURATION_BUCKETS.map((b) => ({ ...b, count: 0 }));
  for (const h of sorted) {
    const bucket = buckets.find((b) => b.maxHours === null || h < b.maxHours)!;
    bucket.count += 1;
  }
  return {
    measured: sorted.length,
    medianHours: toWholeSecond(percentileOf(sorted, 50)),
    p90Hours: toWholeSecond(percentileOf(sorted, 90)),
    buckets,
  };
}

/** Passed share of checked targets, 0–100 with one decimal; null when nothing was checked. */
export function passRate(pass: number, checked: number): number | null {
  return checked === 0 ? null : Math.round((pass / checked) * 1000) / 10;
}
