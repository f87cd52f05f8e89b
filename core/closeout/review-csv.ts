import type { DeploymentReview } from '../../shared/domain/deployment-review';
import type { ReviewMeasures } from '../../shared/logic/review-measures';
import type { CsvCell } from './csv-cells';

/**
 * The post-deployment review's rows of the close-out CSV: the measures as "Measure, Value", then
 * one labelled block each for throughput per week, failed deployments, rollbacks, quiet-period
 * incidents, the review texts and the action items. Each block opens with its own header row
 * (its first cell names the block), so a reader finds it without counting lines.
 */
export function reviewCsvRows(review: DeploymentReview | null, m: ReviewMeasures): CsvCell[][] {
  const q = m.quietPeriod;
  return [
    [],
    ['Post-deployment review', 'Value'],
    ['Review success rate %', m.successRatePercent],
    ['Review sites attempted', m.sitesAttempted],
    ['Review signed off without rollback', m.signedOffWithoutRollback],
    ['Review schedule adherence %', m.schedule.adherencePercent],
    [
      'Review signed off within window / early / late / without window',
      `${m.schedule.withinWindow} / ${m.schedule.early} / ${m.schedule.late} / ${m.schedule.noWindow}`,
    ],
    ['Review quiet period start (UTC)', q.start],
    ['Review quiet period end (UTC)', q.end],
    ['Review incidents in the quiet period', q.incidents.length],
    ['Review downtime in the quiet period (minutes)', q.downtimeMinutes],
    [],
    ['Throughput week', 'Sites signed off', 'Issues closed'],
    ...m.throughput.map((t): CsvCell[] => [t.week, t.sitesSignedOff, t.issuesClosed]),
    [],
    ['Failed deployment', 'Site name', 'Reason'],
    ...m.failedDeployments.map((f): CsvCell[] => [f.siteCode, f.siteName, f.reason]),
    [],
    ['Rollback', 'At (UTC)', 'Reason'],
    ...m.rollbacks.map((r): CsvCell[] => [r.siteCode, r.at, r.reason]),
    [],
    ['Quiet-period incident', 'Number', 'Title', 'Severity', 'Opened (UTC)'],
    ...q.incidents.map((i): CsvCell[] => [i.siteCode, i.number, i.title, i.severity, i.createdAt]),
    [],
    ['Review', 'Text'],
    ['Went well', review?.wentWell ?? null],
    ['Went badly', review?.wentBadly ?? null],
    ['Review written by', review?.updatedBy ?? 'not written yet'],
    ['Review saved (UTC)', review?.updatedAt ?? null],
    [],
    ['Action item', 'Owner', 'Due'],
    ...(review?.actionItems ?? []).map((a): CsvCell[] => [a.text, a.owner, a.due]),
  ];
}
