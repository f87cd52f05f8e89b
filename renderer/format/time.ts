/** Date and time formatting. Stored times are ISO 8601 UTC; people read them in a named zone (shared/time). */
import { formatInstant } from '../../shared/time/format-time';
import { runtimeTimeZone, zoneOrUtc } from '../../shared/time/time-zone';
import { appText } from '../i18n/app-text';

/** The viewer's own zone (the operating system's). */
export const viewerZone = runtimeTimeZone;

/** A moment with its zone named: "12 Mar 2025, 14:05 (Europe/Amsterdam)"; the viewer's zone unless one is given. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  return formatInstant(iso, timeZone ?? viewerZone());
}

/** Only the time of day when it is today, otherwise date and time; the zone always named. */
export function formatWhen(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === new Date().toDateString();
  return formatInstant(iso, timeZone ?? viewerZone(), sameDay ? 'time' : 'dateTime');
}

/** A schedule window in the site's own time zone, with the zone named. */
export function formatWindow(start: string | null, end: string | null, timeZone: string): string {
  if (!start && !end) return appText('format.time.notScheduled');
  const zone = zoneOrUtc(timeZone);
  const full = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  });
  const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const dayKey = new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: zone });
  const s = start ? new Date(start) : null;
  const e = end ? new Date(end) : null;
  if (s && e) {
    const endText = dayKey.format(s) === dayKey.format(e) ? timeOnly.format(e) : full.format(e);
    return `${full.format(s)} – ${endText} (${zone})`;
  }
  if (s) return appText('format.time.from', { s: full.format(s), zone });
  return appText('format.time.until', { full: full.format(e as Date), zone });
}

/** A calendar date only: "12 Mar 2025". */
export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: timeZone ? zoneOrUtc(timeZone) : undefined }).format(date);
}

/** A short window for tables: "Tue, Dec 1, 21:00 – 05:00" in the site zone (zone not repeated). */
export function formatWindowShort(start: string | null, end: string | null, timeZone: string): string {
  if (!start) return '—';
  const zone = zoneOrUtc(timeZone);
  const s = new Date(start);
  const sameYear = s.getFullYear() === new Date().getFullYear();
  const day = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    timeZone: zone,
  });
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  return end ? `${day.format(s)}, ${time.format(s)} – ${time.format(new Date(end))}` : `${day.format(s)}, ${time.format(s)}`;
}

export function percent(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 0;
}
