import { zoneOrUtc } from './time-zone';

/**
 * One way to show a moment to people, used by every view (report, sign-off, checklist, issues):
 * always in a named zone, so two views never disagree silently ("4:55 PM" in one, "3:55 PM (UTC)"
 * in another). Site times are given in the site's zone; the viewer's own zone is offered on hover.
 */
export type InstantStyle = 'dateTime' | 'date' | 'time' | 'dateTimeSeconds';

const OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
};

/** The moment without its zone label, e.g. "12 Mar 2025, 14:05" (null when not a moment). */
export function formatInstantBare(iso: string, zone: string, style: InstantStyle = 'dateTime', locale?: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: zoneOrUtc(zone) }).format(new Date(ms));
}

/** "12 Mar 2025, 14:05 (Europe/Amsterdam)"; "—" when there is no moment; the raw text when it is not one. */
export function formatInstant(iso: string | null | undefined, zone: string, style: InstantStyle = 'dateTime', locale?: string): string {
  if (!iso) return '—';
  const bare = formatInstantBare(iso, zone, style, locale);
  return bare === null ? iso : `${bare} (${zoneOrUtc(zone)})`;
}

/** The hover text: the same moment in the viewer's zone, or null when that is the zone shown. */
export function viewerTimeHint(iso: string | null | undefined, shownZone: string, viewerZone: string, locale?: string): string | null {
  if (!iso || zoneOrUtc(shownZone) === zoneOrUtc(viewerZone)) return null;
  const bare = formatInstantBare(iso, viewerZone, 'dateTime', locale);
  return bare === null ? null : `Your time: ${bare} (${zoneOrUtc(viewerZone)})`;
}
