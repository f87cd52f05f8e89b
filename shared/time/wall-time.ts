import { isValidTimeZone } from './time-zone';
import { offsetMinutesAt } from './zone-offset';

/**
 * Wall-clock times in a named time zone ("site time"), one place: the forms enter schedule windows,
 * outage times and sessions as a datetime-local value in the site's zone; the core, the calendar
 * files and tests read them the same way. Pure `Intl`, so it runs in the renderer, the core and
 * shared rules alike. Offsets come from zone-offset.ts, the one offset source.
 */

/** The parts of a wall-clock reading, zero-padded: year "2026", month "03", … second "00". */
export interface WallClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** Making an Intl formatter costs far more than using one: one per zone (a site import reads thousands of times). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let made = formatters.get(timeZone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(timeZone, made);
  }
  return made;
}

/** What a clock in `timeZone` shows at `utcMs`. Throws for a zone the runtime does not know. */
export function wallClockParts(utcMs: number, timeZone: string): WallClockParts {
  const out: WallClockParts = { year: '0000', month: '00', day: '00', hour: '00', minute: '00', second: '00' };
  for (const p of formatterOf(timeZone).formatToParts(new Date(utcMs))) {
    if (p.type in out) out[p.type as keyof WallClockParts] = p.value;
  }
  return out;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * "2025-03-12T08:00" read as wall time in `timeZone` → ISO 8601 UTC, or null when empty/invalid.
 * Across a DST change the reading is ambiguous, resolved as calendars do (RFC 5545, Temporal's
 * "compatible"): a time that occurs twice (autumn) is the first of the two; a time that does not
 * exist (spring gap) is read with the offset before the change, so it lands as far past the gap
 * ("02:30" on a spring-forward night in Amsterdam or New York is 03:30).
 */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !isValidTimeZone(timeZone)) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // No zone changes its offset twice within two days: the offsets a day before and after are the
  // only two this wall time can have.
  const before = offsetMinutesAt(asUtc - DAY, timeZone);
  const after = offsetMinutesAt(asUtc + DAY, timeZone);
  const fits = (offset: number) => offsetMinutesAt(asUtc - offset * MINUTE, timeZone) === offset;
  const candidates = [before, after].filter(fits).map((offset) => asUtc - offset * MINUTE);
  const utc = candidates.length > 0 ? Math.min(...candidates) : asUtc - before * MINUTE;
  return new Date(utc).toISOString();
}

/** An ISO instant → "YYYY-MM-DDTHH:mm" as wall time in `timeZone`, for a datetime-local input. */
export function isoToWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  try {
    const p = wallClockParts(ms, timeZone);
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  } catch {
    return '';
  }
}
