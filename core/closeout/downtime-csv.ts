import type { Dashboard } from '../../shared/contract/dashboard-methods';
import type { CsvCell } from './csv-cells';
import { downtimeReport } from './downtime-report';

/**
 * The downtime rows of the close-out CSV: measure/value pairs, then a block per wave (with Total)
 * and per site, then the longest outages; each block opens with its own header row.
 */
export function downtimeCsvRows(dashboard: Dashboard): CsvCell[][] {
  const r = downtimeReport(dashboard);
  const split = ['Outages', 'Downtime minutes', 'Before sign-off', 'In quiet period', 'After quiet period'];
  return [
    [],
    ['Downtime', 'Value'],
    ['Outages', r.outages],
    ['Outages still open', r.openOutages],
    ['MTTR minutes', r.mttrMinutes],
    ['Degraded service minutes', r.degradedMinutes],
    [],
    ['Downtime wave', ...split],
    ...r.waves.map((w): CsvCell[] => [
      w.label,
      w.outages,
      w.minutes.total,
      w.minutes.beforeSignOff,
      w.minutes.quietPeriod,
      w.minutes.afterQuietPeriod,
    ]),
    [],
    ['Downtime site', ...split],
    ...r.sites.map((s): CsvCell[] => [
      s.label,
      s.outages,
      s.minutes.total,
      s.minutes.beforeSignOff,
      s.minutes.quietPeriod,
      s.minutes.afterQuietPeriod,
    ]),
    [],
    ['Longest outage', 'Title', 'Service', 'Started (site time)', 'Ended (site time)', 'Minutes', 'Users or tills'],
    ...r.longest.map((o): CsvCell[] => [o.issue, o.title, o.service, o.started, o.ended, o.minutes, o.usersAffected]),
  ];
}
