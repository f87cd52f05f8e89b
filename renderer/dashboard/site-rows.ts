import type { DashboardSiteRow } from '../../shared/contract/dashboard-methods';

export type SortKey = 'code' | 'name' | 'wave' | 'status' | 'window' | 'issues' | 'checks' | 'discrepancies' | 'signedOff';
export interface SortState {
  key: SortKey;
  desc: boolean;
}
export interface RowFilter {
  text: string;
  waveId: string | null;
  status: string | null;
  /** Only sites with open issues, failing checks or discrepancies. */
  attention: boolean;
}

const STATUS_ORDER = ['blocked', 'rolled_back', 'in_progress', 'ready', 'planned', 'deployed', 'signed_off'];

export function openIssueCount(row: DashboardSiteRow): number {
  return row.openIssues.critical + row.openIssues.high + row.openIssues.medium + row.openIssues.low;
}

/** Checks pass share (−1 when nothing was checked, so those sort last). */
export function checksShare(row: DashboardSiteRow): number {
  return row.checksChecked === 0 ? -1 : row.checksPass / row.checksTotal;
}

/** Issue weight for sorting: critical outweighs any number of lower ones. */
function issueWeight(row: DashboardSiteRow): number {
  const o = row.openIssues;
  return o.critical * 1e9 + o.high * 1e6 + o.medium * 1e3 + o.low;
}

const VALUE: Record<SortKey, (row: DashboardSiteRow) => string | number> = {
  code: (r) => r.code,
  name: (r) => r.name.toLowerCase(),
  wave: (r) => r.waveName ?? '\uffff',
  status: (r) => STATUS_ORDER.indexOf(r.status),
  window: (r) => r.windowStart ?? '\uffff',
  issues: issueWeight,
  checks: checksShare,
  discrepancies: (r) => r.discrepancies,
  signedOff: (r) => r.signedOffAt ?? '',
};

export function needsAttention(row: DashboardSiteRow): boolean {
  return (
    openIssueCount(row) > 0 ||
    row.checksPass < row.checksChecked ||
    row.discrepancies > 0 ||
    row.status === 'blocked' ||
    row.status === 'rolled_back'
  );
}

/** The rows that pass the filter, in the chosen order (ties by code). */
export function visibleRows(rows: readonly DashboardSiteRow[], filter: RowFilter, sort: SortState): DashboardSiteRow[] {
  const text = filter.text.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!text || r.code.toLowerCase().includes(text) || r.name.toLowerCase().includes(text)) &&
      (!filter.waveId || r.waveId === filter.waveId) &&
      (!filter.status || r.status === filter.status) &&
      (!filter.attention || needsAttention(r)),
  );
  const value = VALUE[sort.key];
  const dir = sort.desc ? -1 : 1;
  return kept.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c !== 0 ? c * dir : a.code.localeCompare(b.code);
  });
}
