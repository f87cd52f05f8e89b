import type { TemplateWave } from './plan-template-schema';

const DAY_MS = 86_400_000;

interface DatedWave {
  name: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** The earliest start among the waves: the reference the offsets count from (null when no wave has a date). */
function firstStart(waves: readonly DatedWave[]): number | null {
  const starts = waves.map((w) => (w.startsAt ? Date.parse(w.startsAt) : NaN)).filter((ms) => !Number.isNaN(ms));
  return starts.length > 0 ? Math.min(...starts) : null;
}

const toDays = (iso: string | null, from: number | null) =>
  iso && from !== null ? Math.round(((Date.parse(iso) - from) / DAY_MS) * 1e6) / 1e6 : null;

/** Waves in sequence order → name and day offsets from the first wave's start (durations kept). */
export function wavesToOffsets(waves: readonly DatedWave[]): TemplateWave[] {
  const from = firstStart(waves);
  return waves.map((w) => ({ name: w.name, startOffsetDays: toDays(w.startsAt, from), endOffsetDays: toDays(w.endsAt, from) }));
}

/** Template waves placed from a new first-wave start; without one, every wave is left without dates. */
export function offsetsToWaves(waves: readonly TemplateWave[], firstWaveStartsAt: string | null): DatedWave[] {
  const from = firstWaveStartsAt ? Date.parse(firstWaveStartsAt) : NaN;
  // Offsets are kept to a millionth of a day (86 ms); waves are planned to the minute, so whole seconds are exact.
  const at = (days: number | null) =>
    days === null || Number.isNaN(from) ? null : new Date(from + Math.round((days * DAY_MS) / 1000) * 1000).toISOString();
  return waves.map((w) => ({ name: w.name, startsAt: at(w.startOffsetDays), endsAt: at(w.endOffsetDays) }));
}
