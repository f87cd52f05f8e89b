import { rgb } from '@cantoo/pdf-lib';
import { SIGN_OFF_DECISION_LABELS } from '../../../shared/domain/signoff';
import { PdfWriter } from '../../signoff/pdf/pdf-writer';
import { passRate, waveRowsWithTotal, type CloseoutReport } from '../closeout-report';
import { downtimePdfSection } from './downtime-section';
import { reviewPdfSection } from './review-section';

const GREY = rgb(0.4, 0.4, 0.4);
const num = (n: number | null, unit = '') => (n === null ? '-' : `${n}${unit}`);
const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '-');
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

function titleSection(w: PdfWriter, r: CloseoutReport): void {
  w.heading(`Close-out report: ${r.deploymentName}${r.version ? ` ${r.version}` : ''}`, 16);
  w.paragraph(
    `Generated ${utc(r.generatedAt)} · quiet period ${r.dashboard.quietPeriodDays} days · ${r.dashboard.totals.sites} sites in ${r.dashboard.waves.length} waves`,
    9,
    { color: GREY },
  );
}

function readinessSection(w: PdfWriter, r: CloseoutReport): void {
  const s = r.status;
  w.heading(s.ready ? 'Readiness: ready to close' : 'Readiness: not ready to close', 12);
  for (const c of s.conditions) {
    w.paragraph(`${c.met ? 'Met' : 'NOT MET'}: ${c.title}`, 9, { bold: true, color: c.met ? rgb(0.1, 0.45, 0.2) : rgb(0.7, 0.1, 0.1) });
    w.paragraph(c.detail, 9);
  }
  w.y -= 4;
  w.fields([
    ['Last site sign-off', utc(s.lastSignOffAt)],
    ['Quiet period ends', utc(s.quietPeriodEndsAt)],
  ]);
}

function milestoneSection(w: PdfWriter, r: CloseoutReport): void {
  const m = r.status.milestone;
  w.heading('Deployment Complete Milestone', 12);
  if (!m) {
    w.paragraph('Not signed yet.', 9, { color: GREY });
    return;
  }
  w.fields([
    ['Decision', SIGN_OFF_DECISION_LABELS[m.decision]],
    ['Signer', `${m.signerName} (${m.signerRole})`],
    ['Signed (UTC)', m.signedAt],
    ['Content SHA-256', m.contentHash],
    ['Device key', m.keyFingerprint],
  ]);
}

function measuresSection(w: PdfWriter, r: CloseoutReport): void {
  const d = r.dashboard;
  w.heading('Measures per wave', 12);
  w.table(
    [
      { title: 'Wave', width: 0.16 },
      { title: 'Sites', width: 0.06 },
      { title: 'Signed off', width: 0.09 },
      { title: 'Successful', width: 0.1 },
      { title: 'Rolled back', width: 0.1 },
      { title: 'On time/late/over', width: 0.16 },
      { title: 'Open (blocking)', width: 0.13 },
      { title: 'Check pass', width: 0.1 },
      { title: 'Discrep.', width: 0.09 },
    ],
    waveRowsWithTotal(d).map(({ name, figures: f }) => [
      name,
      String(f.sites),
      String(f.byStatus.signed_off ?? 0),
      String(f.successful),
      String(f.rolledBackSites),
      `${f.adherence.onTime}/${f.adherence.late}/${f.adherence.overdue}`,
      `${f.openIssues} (${f.openBlockingIssues})`,
      num(passRate(f.checks), ' %'),
      String(f.discrepancies),
    ]),
  );
  w.heading('Issues', 11);
  w.table(
    [
      { title: 'Severity', width: 0.25 },
      { title: 'Total', width: 0.15 },
      { title: 'Open', width: 0.15 },
      { title: 'Open blocking', width: 0.2 },
      { title: 'In quiet period', width: 0.25 },
    ],
    d.issues.bySeverity.map((s) => [
      s.severity,
      String(s.total),
      String(s.open),
      String(s.openBlocking),
      String(d.issues.quietPeriod.bySeverity[s.severity] ?? 0),
    ]),
  );
  w.y -= 4;
  w.paragraph(
    `By category: ${d.issues.byCategory.map((c) => `${c.category} ${c.total} (${c.open} open)`).join(', ')}. Opened in the quiet period: ${d.issues.quietPeriod.total}.`,
    8,
  );
  w.heading('Checks, inventory, time to sign-off', 11);
  w.fields([
    [
      'Checks (latest run per target)',
      `${d.checks.pass} passed, ${d.checks.fail} failed, ${d.checks.error} could not check, of ${d.checks.targets} targets (pass rate ${num(passRate(d.checks), ' %')})`,
    ],
    [
      'Inventory',
      `${d.inventory.expected} expected, ${d.inventory.received} received, ${d.inventory.missing} missing, ${d.inventory.damaged} damaged, ${d.inventory.surplus} surplus`,
    ],
    [
      'Schedule adherence',
      `${d.adherence.early} early (signed before the window), ${d.adherence.onTime} on time, ${d.adherence.late} late, ${d.adherence.overdue} overdue, ${d.adherence.inWindow} in window, ${d.adherence.upcoming} upcoming, ${d.adherence.noWindow} without a window`,
    ],
    [
      'Start to sign-off',
      `${plural(d.startToSignOff.measured, 'site')} measured, median ${num(d.startToSignOff.medianHours, ' h')}, p90 ${num(d.startToSignOff.p90Hours, ' h')}`,
    ],
    [
      'Successes vs rollbacks',
      `${d.totals.successful} successful, ${plural(d.totals.rolledBackSites, 'site')} rolled back (${plural(d.totals.rollbacks, 'rollback')})`,
    ],
  ]);
}

function sitesSection(w: PdfWriter, r: CloseoutReport): void {
  w.heading(`Sites (${r.sites.length})`, 12);
  w.table(
    [
      { title: 'Code', width: 0.09 },
      { title: 'Name', width: 0.14 },
      { title: 'Wave', width: 0.08 },
      { title: 'Status', width: 0.09 },
      { title: 'Close-out', width: 0.2 },
      { title: 'Signed off', width: 0.09 },
      { title: 'Schedule', width: 0.08 },
      { title: 'Issues', width: 0.07 },
      { title: 'Checks', width: 0.06 },
      { title: 'Discr.', width: 0.05 },
      { title: 'Rb', width: 0.04 },
    ],
    r.sites.map((s) => {
      const open = s.openIssues.critical + s.openIssues.high + s.openIssues.medium + s.openIssues.low;
      return [
        s.code,
        s.name,
        s.waveName ?? '-',
        s.status.replace(/_/g, ' '),
        s.closeout.replace(/^outstanding: /, ''),
        day(s.signedOffAt),
        s.adherence,
        `${open} (${s.openBlocking})`,
        `${s.checksPass}/${s.checksTotal}`,
        String(s.discrepancies),
        String(s.rollbacks),
      ];
    }),
    7,
  );
}

/** The close-out report as PDF: A4, the app's embedded Unicode fonts (nothing loaded from outside), "Page n of m". */
export async function renderCloseoutPdf(report: CloseoutReport): Promise<Uint8Array> {
  const w = await PdfWriter.create();
  w.doc.setTitle(`Close-out report: ${report.deploymentName}`);
  w.doc.setCreator('Outpost');
  w.doc.setCreationDate(new Date(report.generatedAt));
  titleSection(w, report);
  readinessSection(w, report);
  milestoneSection(w, report);
  measuresSection(w, report);
  downtimePdfSection(w, report.dashboard);
  reviewPdfSection(w, report.review.review, report.review.measures);
  sitesSection(w, report);
  w.footers(`Outpost close-out report · ${report.deploymentName} · ${report.generatedAt.slice(0, 10)}`);
  return w.doc.save();
}
