import type { CloseoutStatus } from '../../shared/contract/closeout-methods';
import type { PostDeploymentReview } from '../../shared/contract/review-methods';
import type { Dashboard, DashboardSiteRow, WaveFigures } from '../../shared/contract/dashboard-methods';
import { getDashboard } from '../dashboard/dashboard-service';
import type { ServiceContext } from '../services/service-context';
import { closeoutSites, closeoutStatus, siteVerdict } from './closeout-status';
import { getPostDeploymentReview } from './review-service';

/** One site of the close-out report: the dashboard's row plus how it stands for the close-out. */
export interface ReportSite extends DashboardSiteRow {
  closeout: string;
  hoursToSignOff: number | null;
}

/** Everything the PDF and CSV show, read in one go so both say the same thing. */
export interface CloseoutReport {
  deploymentName: string;
  version: string;
  generatedAt: string;
  status: CloseoutStatus;
  dashboard: Dashboard;
  sites: ReportSite[];
  /** The post-deployment review (null while not written) and its measures. */
  review: Pick<PostDeploymentReview, 'review' | 'measures'>;
}

const HOUR_MS = 60 * 60 * 1000;

export function buildCloseoutReport(ctx: ServiceContext, deploymentId: string): CloseoutReport {
  const status = closeoutStatus(ctx, deploymentId);
  const dashboard = getDashboard(ctx, { deploymentId });
  const version = (ctx.sqlite.prepare('SELECT version FROM deployments WHERE id = ?').get(deploymentId) as { version: string }).version;
  const verdicts = new Map(
    closeoutSites(ctx, deploymentId).map((s) => {
      const v = siteVerdict(s);
      return [
        s.id,
        v.kind === 'signed_off' ? 'signed off' : v.kind === 'rolled_back' ? 'rolled back (recorded)' : `outstanding: ${v.reason}`,
      ];
    }),
  );
  const sites = dashboard.sites.map((row) => {
    const hours = row.startedAt && row.signedOffAt ? (Date.parse(row.signedOffAt) - Date.parse(row.startedAt)) / HOUR_MS : null;
    return {
      ...row,
      closeout: verdicts.get(row.id) ?? 'outstanding',
      hoursToSignOff: hours !== null && hours >= 0 ? Math.round(hours * 10) / 10 : null,
    };
  });
  const { review, measures } = getPostDeploymentReview(ctx, { deploymentId });
  return {
    deploymentName: dashboard.name,
    version,
    generatedAt: dashboard.generatedAt,
    status,
    dashboard,
    sites,
    review: { review, measures },
  };
}

/** Passed / checked targets as a percentage with one decimal (null: nothing checked). */
export function passRate(checks: { pass: number; fail: number; error: number }): number | null {
  const checked = checks.pass + checks.fail + checks.error;
  return checked === 0 ? null : Math.round((checks.pass / checked) * 1000) / 10;
}

/** The per-wave rows followed by the deployment's total, as the report's summary tables list them. */
export function waveRowsWithTotal(d: Dashboard): { name: string; figures: Omit<WaveFigures, 'decisions'> }[] {
  const rows: { name: string; figures: Omit<WaveFigures, 'decisions'> }[] = d.waves.map((w) => ({
    name: w.isPilot ? `${w.name} (pilot)` : w.name,
    figures: w,
  }));
  const byStatus = Object.fromEntries(Object.keys(d.waves[0]?.byStatus ?? {}).map((k) => [k, 0])) as WaveFigures['byStatus'];
  for (const w of d.waves)
    for (const [k, n] of Object.entries(w.byStatus)) byStatus[k as keyof typeof byStatus] = (byStatus[k as keyof typeof byStatus] ?? 0) + n;
  rows.push({
    name: 'Total',
    figures: {
      waveId: null,
      name: 'Total',
      sequence: Number.MAX_SAFE_INTEGER,
      isPilot: false,
      startsAt: null,
      endsAt: null,
      sites: d.totals.sites,
      byStatus,
      adherence: d.adherence,
      successful: d.totals.successful,
      rolledBackSites: d.totals.rolledBackSites,
      checks: d.checks,
      openIssues: d.totals.openIssues,
      openBlockingIssues: d.totals.openBlockingIssues,
      discrepancies: d.totals.discrepancies,
    },
  });
  return rows;
}

/** A file name from the deployment's name and the day of the report. */
export function reportFileName(report: CloseoutReport, extension: 'pdf' | 'csv'): string {
  const base = `closeout-${report.deploymentName}${report.version ? `-${report.version}` : ''}-${report.generatedAt.slice(0, 10)}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;
}
