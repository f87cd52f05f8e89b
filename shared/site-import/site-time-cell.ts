import { isoToWallTime, wallTimeToIso } from '../time/wall-time';

const WALL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::00(?:\.0+)?)?$/;
/** An instant with its own offset (or Z) needs no zone: "2027-03-01T19:00:00Z", "…+01:00". */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A window cell read in the site's zone: "2027-03-01 20:00" (or with a T) is wall time there; an
 * ISO instant with an offset is taken as it is. Returns the UTC ISO instant, null for an empty
 * cell, or an error message.
 */
export function readWindowCell(cell: string, timeZone: string): { iso: string | null } | { error: string } {
  const value = cell.trim();
  if (value === '') return { iso: null };
  if (ZONED.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? { error: `Not a date and time: "${value.slice(0, 40)}"` } : { iso: new Date(ms).toISOString() };
  }
  const m = WALL.exec(value);
  if (!m) return { error: `Not a date and time: "${value.slice(0, 40)}" (use site time such as 2027-03-01 20:00)` };
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59) {
    return { error: `No such date and time: "${value}"` };
  }
  const iso = wallTimeToIso(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`, timeZone);
  return iso === null ? { error: `Cannot read "${value}" in ${timeZone}` } : { iso };
}

/** The export's (and the diff's) form of a window end: "2027-03-01 20:00" in site time, '' for none. */
export function windowCell(iso: string | null, timeZone: string): string {
  return isoToWallTime(iso, timeZone).replace('T', ' ');
}
