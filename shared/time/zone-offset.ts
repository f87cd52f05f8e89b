import { zoneOrUtc } from './time-zone';

/**
 * UTC offsets of a named zone at a moment, and the DST change between two moments: for the
 * schedule checks (a window crossing a change) and the printed schedule (a window's offset).
 * Pure `Intl`; one formatter per zone, because building one costs far more than using it.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Keyed by the zone as given, so an unknown zone is resolved to UTC once, not on every call. */
function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zoneOrUtc(zone), timeZoneName: 'longOffset', hour: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** Exact offsets at whole hours, per zone: a schedule asks about the same few days again and again. */
const hourly = new Map<string, number>();
const HOUR = 3_600_000;

function offsetAtHour(hour: number, zone: string): number {
  const key = `${zone}|${hour}`;
  let minutes = hourly.get(key);
  if (minutes === undefined) {
    if (hourly.size > 200_000) hourly.clear();
    minutes = exactOffsetMinutes(hour * HOUR, zone);
    hourly.set(key, minutes);
  }
  return minutes;
}

/** Minutes east of UTC in `zone` at `utcMs` (e.g. 60 for Amsterdam in winter); 0 for an unknown zone. */
export function offsetMinutesAt(utcMs: number, zone: string): number {
  // No zone changes its offset twice within an hour: equal offsets at both whole hours around the
  // moment hold for the moment too; otherwise ask exactly.
  const hour = Math.floor(utcMs / HOUR);
  const before = offsetAtHour(hour, zone);
  return before === offsetAtHour(hour + 1, zone) ? before : exactOffsetMinutes(utcMs, zone);
}

function exactOffsetMinutes(utcMs: number, zone: string): number {
  // e.g. "7 PM GMT+01:00"; plain format() is about twice as fast as formatToParts.
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(formatterOf(zone).format(utcMs));
  if (!m) return 0; // "GMT" alone is UTC
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** "+01:00", "-04:00", "+05:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "2026-03-29 03:00": the wall time of an instant at a given offset. */
export function wallTimeAtOffset(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface OffsetChange {
  /** The first instant at the new offset. */
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
}

/**
 * The first offset change in `zone` within (startMs, endMs], or null. Found by bisection between
 * two moments whose offsets differ (to the second), so it costs a few dozen formats only for a
 * window that does cross a change.
 */
export function offsetChangeWithin(startMs: number, endMs: number, zone: string): OffsetChange | null {
  if (!(endMs > startMs)) return null;
  const fromMinutes = offsetMinutesAt(startMs, zone);
  let toMinutes = offsetMinutesAt(endMs, zone);
  if (fromMinutes === toMinutes) return null; // two changes back within one window are not looked for
  let lo = startMs; // at fromMinutes
  let hi = endMs; // not at fromMinutes
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMinutesAt(mid, zone) === fromMinutes) lo = mid;
    else hi = mid;
  }
  // Zone changes fall on whole seconds: the one in (lo, hi] is the last whole second up to hi.
  const atMs = Math.floor(hi / 1000) * 1000;
  toMinutes = offsetMinutesAt(atMs, zone);
  return { atMs, fromMinutes, toMinutes };
}

/**
 * A window in site time with its offset, for print: "2026-06-10 08:00–12:00 +02:00", across days
 * "2026-06-10 22:00 – 2026-06-11 04:00 +02:00", across a DST change each end with its own offset.
 */
export function siteWindowText(startIso: string | null, endIso: string | null, zone: string): string {
  const start = startIso ? Date.parse(startIso) : Number.NaN;
  const end = endIso ? Date.parse(endIso) : Number.NaN;
  const at = (ms: number) => {
    const offset = offsetMinutesAt(ms, zone);
    return { wall: wallTimeAtOffset(ms, offset), offset: formatOffset(offset) };
  };
  if (Number.isNaN(start) && Number.isNaN(end)) return 'not scheduled';
  if (Number.isNaN(end)) {
    const s = at(start);
    return `from ${s.wall} ${s.offset}`;
  }
  if (Number.isNaN(start)) {
    const e = at(end);
    return `until ${e.wall} ${e.offset}`;
  }
  const s = at(start);
  const e = at(end);
  if (s.offset !== e.offset) return `${s.wall} ${s.offset} – ${e.wall} ${e.offset}`;
  if (s.wall.slice(0, 10) === e.wall.slice(0, 10)) return `${s.wall}–${e.wall.slice(11)} ${s.offset}`;
  return `${s.wall} – ${e.wall} ${s.offset}`;
}
