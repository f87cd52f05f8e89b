import type { MyScheduleSite } from '../../shared/contract/schedule-methods';
import { appText } from '../i18n/app-text';

export interface ScheduleDay {
  /** "2026-03-30" in the viewer's zone, or "" for sites without a window. */
  key: string;
  label: string;
  sites: MyScheduleSite[];
}

/**
 * My sites grouped by the day their window starts in the viewer's zone, days in order, sites in
 * the order given (by window start); sites without a window last under "Not scheduled".
 */
export function groupByDay(sites: readonly MyScheduleSite[], zone: string, locale?: string): ScheduleDay[] {
  const key = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const label = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const days = new Map<string, ScheduleDay>();
  for (const site of sites) {
    const start = site.windowStart ? new Date(site.windowStart) : null;
    const k = start ? key.format(start) : '';
    let day = days.get(k);
    if (!day) days.set(k, (day = { key: k, label: start ? label.format(start) : appText('schedule.notScheduled'), sites: [] }));
    day.sites.push(site);
  }
  return [...days.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
