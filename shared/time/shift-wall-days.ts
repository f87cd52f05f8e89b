import { isoToWallTime, wallTimeToIso } from './wall-time';

const MINUTE_MS = 60_000;

/** "YYYY-MM-DDTHH:mm" moved by whole calendar days (pure date arithmetic, no zone). */
function addDaysToWall(wall: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days, Number(m[4]), Number(m[5])));
  return d.toISOString().slice(0, 16);
}

/**
 * An instant moved by `days` calendar days in `timeZone`, keeping its wall-clock time: 09:00 the
 * day before a DST change is 09:00 the day after (23 or 25 hours later, not 24). Seconds are kept
 * (zone offsets are whole minutes). Null when the instant or the zone cannot be read.
 */
export function shiftWallDays(iso: string, days: number, timeZone: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const wall = isoToWallTime(iso, timeZone);
  const shifted = wall ? addDaysToWall(wall, days) : null;
  const at = shifted ? wallTimeToIso(shifted, timeZone) : null;
  if (!at) return null;
  const withinMinute = ((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return new Date(Date.parse(at) + withinMinute).toISOString();
}
