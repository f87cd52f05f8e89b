import type { Dashboard } from '../../../shared/contract/dashboard-methods';
import type { PdfWriter } from '../../signoff/pdf/pdf-writer';
import { downtimeReport, type DowntimeReportRow } from '../downtime-report';

const splitCells = (r: DowntimeReportRow) => [
  r.label,
  String(r.outages),
  String(r.minutes.total),
  String(r.minutes.beforeSignOff),
  String(r.minutes.quietPeriod),
  String(r.minutes.afterQuietPeriod),
];
const SPLIT_COLUMNS = [
  { title: '', width: 0.22 },
  { title: 'Outages', width: 0.12 },
  { title: 'Downtime min', width: 0.16 },
  { title: 'Before sign-off', width: 0.17 },
  { title: 'In quiet period', width: 0.17 },
  { title: 'After quiet period', width: 0.16 },
];

/** "Downtime": outage minutes per wave and site around sign-off and the quiet period, MTTR, the longest outages (times in the site's zone). */
export function downtimePdfSection(w: PdfWriter, dashboard: Dashboard): void {
  const r = downtimeReport(dashboard);
  w.heading('Downtime', 12);
  w.fields([
    ['Outages', `${r.outages} recorded, ${r.openOutages} still open (counted up to the time of this report)`],
    ['MTTR', r.mttrMinutes === null ? 'no ended outage' : `${r.mttrMinutes} min (mean time to restore over the ended outages)`],
    ['Degraded service', `${r.degradedMinutes} min (not counted as downtime)`],
  ]);
  w.y -= 4;
  w.table([{ ...SPLIT_COLUMNS[0]!, title: 'Wave' }, ...SPLIT_COLUMNS.slice(1)], r.waves.map(splitCells));
  if (r.sites.length > 0) {
    w.y -= 4;
    w.table([{ ...SPLIT_COLUMNS[0]!, title: 'Site' }, ...SPLIT_COLUMNS.slice(1)], r.sites.map(splitCells));
  }
  w.heading('Longest outages', 11);
  w.table(
    [
      { title: 'Issue', width: 0.12 },
      { title: 'Title', width: 0.22 },
      { title: 'Service', width: 0.13 },
      { title: 'Started (site time)', width: 0.19 },
      { title: 'Ended (site time)', width: 0.19 },
      { title: 'Min', width: 0.08 },
      { title: 'Users', width: 0.07 },
    ],
    r.longest.map((o) => [
      o.issue,
      o.title,
      o.service,
      o.started,
      o.ended,
      String(o.minutes),
      o.usersAffected === null ? '-' : String(o.usersAffected),
    ]),
  );
}
