/** Percentile by nearest rank over a sample of durations. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `fn` once per sample and returns the durations in ms. */
export function timeEach<T>(samples: readonly T[], fn: (sample: T) => void): number[] {
  return samples.map((sample) => {
    const start = performance.now();
    fn(sample);
    return performance.now() - start;
  });
}
