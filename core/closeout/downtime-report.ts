import type { Dashboard } from '../../shared/contract/dashboard-methods';
import type { DowntimeSplit } from '../../shared/domain/downtime';
import { formatInstant } from '../../shared/time/format-time';

/**
 * The close-out report's downtime part, in one shape for the PDF and the CSV: per wave (and in
 * total) and per site with outages, the minutes before sign-off, in and after the quiet period;
 * MTTR; the longest outages with their times in the site's zone.
 */
export interface DowntimeReportRow {
  label: string;
  outages: number;
  minutes: DowntimeSplit;
}

export interface LongestOutageRow {
  issue: string;
  title: string;
  service: string;
  started: string;
  ended: string;
  minutes: number;
  usersAffected: number | null;
}

export interface DowntimeReport {
  outages: number;
  openOutages: number;
  degradedMinutes: number;
  mttrMinutes: number | null;
  waves: DowntimeReportRow[];
  sites: DowntimeReportRow[];
  longest: LongestOutageRow[];
}

const siteTime = (iso: string, zone: string) => formatInstant(iso, zone, 'dateTime', 'en-GB');

export function downtimeReport(d: Dashboard): DowntimeReport {
  const t = d.downtime;
  const waveName = new Map(d.waves.map((w) => [w.waveId, w.name]));
  const site = new Map(d.sites.map((s) => [s.id, s]));
  const waves = t.byWave.map((w) => ({ label: waveName.get(w.waveId) ?? 'No wave', outages: w.outages, minutes: w }));
  return {
    outages: t.outages,
    openOutages: t.openOutages,
    degradedMinutes: t.degradedMinutes,
    mttrMinutes: t.mttrMinutes,
    waves: [...waves, { label: 'Total', outages: t.outages, minutes: t.minutes }],
    sites: t.bySite
      .filter((s) => s.outages > 0)
      .map((s) => ({ label: site.get(s.siteId)?.code ?? s.siteId, outages: s.outages, minutes: s })),
    longest: t.longest.map((o) => {
      const zone = site.get(o.siteId)?.timeZone ?? 'UTC';
      return {
        issue: `${o.siteCode} #${o.number}`,
        title: o.title,
        service: o.component ?? '-',
        started: siteTime(o.startedAt, zone),
        ended: o.endedAt ? siteTime(o.endedAt, zone) : 'still open',
        minutes: o.minutes,
        usersAffected: o.usersAffected,
      };
    }),
  };
}
