/** Exponential backoff with full jitter: a random delay between 0 and min(cap, base · 2^(failures−1)). */
export function backoffDelayMs(failures: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.max(Math.min(250, ceiling), Math.floor(random() * ceiling));
}
