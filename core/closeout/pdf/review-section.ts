import { rgb } from '@cantoo/pdf-lib';
import type { DeploymentReview } from '../../../shared/domain/deployment-review';
import type { ReviewMeasures } from '../../../shared/logic/review-measures';
import type { PdfWriter } from '../../signoff/pdf/pdf-writer';

const GREY = rgb(0.4, 0.4, 0.4);
const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '-');
const pct = (n: number | null) => (n === null ? '-' : `${n} %`);

/** The seed measures of the review as fields and tables (shared by the close-out report and the milestone sheet). */
function measureParts(w: PdfWriter, m: ReviewMeasures): void {
  const q = m.quietPeriod;
  w.fields([
    [
      'Deployment success rate',
      `${pct(m.successRatePercent)} (${m.signedOffWithoutRollback} of ${m.sitesAttempted} attempted sites signed off without rollback)`,
    ],
    [
      'Schedule adherence',
      `${pct(m.schedule.adherencePercent)} signed off within the window (${m.schedule.withinWindow} within, ${m.schedule.early} early, ${m.schedule.late} late, ${m.schedule.noWindow} without a window, of ${m.schedule.signedOff} signed off)`,
    ],
    ['Quiet period', q.start ? `${utc(q.start)} to ${utc(q.end)}` : 'not started (no site signed off)'],
    ['Incidents in the quiet period', String(q.incidents.length)],
    ['Downtime in the quiet period', q.downtimeMinutes === null ? 'not recorded' : `${q.downtimeMinutes} min`],
  ]);
  w.heading('Failed deployments and rollbacks', 11);
  w.table(
    [
      { title: 'Site', width: 0.16 },
      { title: 'Name', width: 0.26 },
      { title: 'Reason', width: 0.58 },
    ],
    m.failedDeployments.map((f) => [f.siteCode, f.siteName, f.reason]),
  );
  w.y -= 4;
  w.table(
    [
      { title: 'Rollback at', width: 0.2 },
      { title: 'Site', width: 0.16 },
      { title: 'Reason', width: 0.64 },
    ],
    m.rollbacks.map((r) => [utc(r.at), r.siteCode, r.reason]),
  );
  w.heading('Incidents in the quiet period', 11);
  w.table(
    [
      { title: 'Issue', width: 0.16 },
      { title: 'Title', width: 0.5 },
      { title: 'Severity', width: 0.12 },
      { title: 'Opened', width: 0.22 },
    ],
    q.incidents.map((i) => [`${i.siteCode} #${i.number}`, i.title, i.severity, utc(i.createdAt)]),
  );
  w.heading('Backlog throughput per week', 11);
  w.table(
    [
      { title: 'ISO week', width: 0.3 },
      { title: 'Sites signed off', width: 0.35 },
      { title: 'Issues closed', width: 0.35 },
    ],
    m.throughput.map((t) => [t.week, String(t.sitesSignedOff), String(t.issuesClosed)]),
  );
}

/** A free text as written: each line of it a paragraph (the writer folds line breaks into spaces). */
function writtenText(w: PdfWriter, title: string, text: string): void {
  w.paragraph(title, 9, { bold: true });
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) w.paragraph('-', 9, { color: GREY });
  for (const line of lines) w.paragraph(line, 9);
  w.y -= 4;
}

/**
 * "Post-deployment review": the release manager's texts and action items, then the measures.
 * `review` null: not written yet (the close-out report says so; the milestone sheet always has one).
 */
export function reviewPdfSection(w: PdfWriter, review: DeploymentReview | null, measures: ReviewMeasures, size: 11 | 12 = 12): void {
  w.heading('Post-deployment review', size);
  if (!review) {
    w.paragraph('The release manager has not written the review yet.', 9, { color: GREY });
  } else {
    w.paragraph(`Written by ${review.updatedBy}, last saved ${utc(review.updatedAt)}`, 8, { color: GREY });
    w.y -= 2;
    writtenText(w, 'What went well', review.wentWell);
    writtenText(w, 'What went badly', review.wentBadly);
    w.paragraph(`Action items (${review.actionItems.length})`, 9, { bold: true });
    w.table(
      [
        { title: 'Action', width: 0.56 },
        { title: 'Owner', width: 0.26 },
        { title: 'Due', width: 0.18 },
      ],
      review.actionItems.map((a) => [a.text, a.owner, a.due]),
    );
  }
  w.heading('Review measures', 11);
  measureParts(w, measures);
}
