import { SIGN_OFF_DECISION_LABELS } from '../../shared/domain/signoff';
import { passRate, waveRowsWithTotal, type CloseoutReport } from './closeout-report';
import { csvText, type CsvCell } from './csv-cells';
import { downtimeCsvRows } from './downtime-csv';
import { reviewCsvRows } from './review-csv';

export const SITE_COLUMNS = [
  'Site code',
  'Site name',
  'Wave',
  'Status',
  'Close-out',
  'Window start',
  'Window end',
  'Schedule',
  'Started',
  'Signed off',
  'Hours start to sign-off',
  'Rollbacks',
  'Open critical',
  'Open high',
  'Open medium',
  'Open low',
  'Open blocking',
  'Checks passed',
  'Checks checked',
  'Checks planned',
  'Inventory discrepancies',
] as const;

const WAVE_COLUMNS = [
  'Wave',
  'Sites',
  'Signed off',
  'Successful',
  'Rolled back',
  'Early',
  'On time',
  'Late',
  'Overdue',
  'Open issues',
  'Open blocking',
  'Check pass rate %',
  'Discrepancies',
];

/**
 * The close-out CSV: one row per site, a blank line, then the summary: per wave and total, the
 * readiness conditions, issues, inventory, start→sign-off and the milestone sheet.
 */
export function closeoutCsv(report: CloseoutReport): string {
  const d = report.dashboard;
  const rows: CsvCell[][] = [[...SITE_COLUMNS]];
  for (const s of report.sites) {
    rows.push([
      s.code,
      s.name,
      s.waveName ?? '',
      s.status,
      s.closeout,
      s.windowStart,
      s.windowEnd,
      s.adherence,
      s.startedAt,
      s.signedOffAt,
      s.hoursToSignOff,
      s.rollbacks,
      s.openIssues.critical,
      s.openIssues.high,
      s.openIssues.medium,
      s.openIssues.low,
      s.openBlocking,
      s.checksPass,
      s.checksChecked,
      s.checksTotal,
      s.discrepancies,
    ]);
  }
  rows.push([], ['Summary'], WAVE_COLUMNS);
  for (const { name, figures: w } of waveRowsWithTotal(d)) {
    rows.push([
      name,
      w.sites,
      w.byStatus.signed_off ?? 0,
      w.successful,
      w.rolledBackSites,
      w.adherence.early,
      w.adherence.onTime,
      w.adherence.late,
      w.adherence.overdue,
      w.openIssues,
      w.openBlockingIssues,
      passRate(w.checks),
      w.discrepancies,
    ]);
  }
  const m = report.status.milestone;
  rows.push(
    [],
    ['Measure', 'Value'],
    ['Deployment', report.version ? `${report.deploymentName} ${report.version}` : report.deploymentName],
    ['Report generated (UTC)', report.generatedAt],
    ['Ready to close', report.status.ready ? 'yes' : 'no'],
    ...report.status.conditions.map((c): CsvCell[] => [c.title, `${c.met ? 'met' : 'not met'}: ${c.detail}`]),
    ['Quiet period (days)', d.quietPeriodDays],
    ['Last site sign-off (UTC)', report.status.lastSignOffAt],
    ['Quiet period ends (UTC)', report.status.quietPeriodEndsAt],
    ['Issues opened in the quiet period', d.issues.quietPeriod.total],
    ...d.issues.bySeverity.map((s): CsvCell[] => [
      `Issues ${s.severity} (total / open / open blocking)`,
      `${s.total} / ${s.open} / ${s.openBlocking}`,
    ]),
    ...d.issues.byCategory.map((c): CsvCell[] => [`Issues ${c.category} (total / open)`, `${c.total} / ${c.open}`]),
    ['Inventory expected', d.inventory.expected],
    ['Inventory received', d.inventory.received],
    ['Inventory missing', d.inventory.missing],
    ['Inventory damaged', d.inventory.damaged],
    ['Inventory surplus', d.inventory.surplus],
    ['Start to sign-off measured sites', d.startToSignOff.measured],
    ['Start to sign-off median hours', d.startToSignOff.medianHours],
    ['Start to sign-off p90 hours', d.startToSignOff.p90Hours],
    ['Milestone sheet', m ? SIGN_OFF_DECISION_LABELS[m.decision] : 'not signed'],
    ['Milestone signer', m ? `${m.signerName} (${m.signerRole})` : null],
    ['Milestone signed (UTC)', m?.signedAt ?? null],
    ['Milestone content SHA-256', m?.contentHash ?? null],
    ['Milestone key fingerprint', m?.keyFingerprint ?? null],
  );
  rows.push(...downtimeCsvRows(d));
  rows.push(...reviewCsvRows(report.review.review, report.review.measures));
  // Every line has the same number of fields (RFC 4180): shorter summary rows are padded.
  const width = Math.max(...rows.map((r) => r.length));
  return csvText(rows.map((r) => [...r, ...Array<CsvCell>(width - r.length).fill(null)]));
}
