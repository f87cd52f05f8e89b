import type { SiteStatus } from '../domain/enums';
import { signedAdherence } from './schedule-adherence';

/**
 * The post-deployment review's measures (MOF Deploy / ITIL, issue #16), computed from the data:
 * success rate, failed deployments and rollbacks with reasons, incidents in the quiet period,
 * schedule adherence and backlog throughput per week. Pure: the core reads the rows, this counts.
 */

export interface MeasureSite {
  code: string;
  name: string;
  status: SiteStatus;
  /** How the site stands for the close-out (signed off = an accepted sheet not changed since). */
  verdict: 'signed_off' | 'rolled_back' | 'outstanding';
  signedOffAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  rollbacks: readonly { at: string; reason: string }[];
  /** The newest site-complete sheet was rejected (when). */
  rejectedAt: string | null;
}

export interface MeasureIssue {
  siteCode: string;
  number: number;
  title: string;
  severity: string;
  createdAt: string;
}

export interface ReviewMeasures {
  /** Sites where work started (beyond planned or ready) or that were rolled back. */
  sitesAttempted: number;
  /** Attempted sites signed off without any rollback. */
  signedOffWithoutRollback: number;
  /** signedOffWithoutRollback / sitesAttempted, as a percentage with one decimal; null when none attempted. */
  successRatePercent: number | null;
  /** Every recorded rollback, oldest first, with its reason. */
  rollbacks: { siteCode: string; at: string; reason: string }[];
  /** Sites that failed: rolled back (now) or whose newest site-complete sheet was rejected. */
  failedDeployments: { siteCode: string; siteName: string; reason: string }[];
  /** Incidents opened in the quiet period, and the outage minutes in it (null: not measured). */
  quietPeriod: { start: string | null; end: string | null; incidents: MeasureIssue[]; downtimeMinutes: number | null };
  /** Signed-off sites against their windows (schedule-adherence.ts): early is not on time; adherence = on time of those with a window. */
  schedule: { signedOff: number; early: number; withinWindow: number; late: number; noWindow: number; adherencePercent: number | null };
  /** Per ISO week (UTC), weeks with activity only, oldest first. */
  throughput: { week: string; sitesSignedOff: number; issuesClosed: number }[];
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The ISO 8601 week of an instant, in UTC: `2026-W10`. */
export function isoWeek(iso: string): string {
  const date = new Date(Date.parse(iso));
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function reviewMeasures(input: {
  sites: readonly MeasureSite[];
  issues: readonly MeasureIssue[];
  /** When issues were resolved or closed (each closing event). */
  issueClosures: readonly string[];
  quietStart: string | null;
  quietEnd: string | null;
  /** Outage minutes inside the quiet period, computed by the downtime rules; null when not available. */
  quietDowntimeMinutes?: number | null;
}): ReviewMeasures {
  const attempted = input.sites.filter((s) => !(s.status === 'planned' || s.status === 'ready') || s.rollbacks.length > 0);
  const succeeded = attempted.filter((s) => s.verdict === 'signed_off' && s.rollbacks.length === 0);
  const rollbacks = input.sites
    .flatMap((s) => s.rollbacks.map((r) => ({ siteCode: s.code, at: r.at, reason: r.reason })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.siteCode.localeCompare(b.siteCode));
  const failedDeployments = input.sites.flatMap((s) => {
    if (s.status === 'rolled_back')
      return [{ siteCode: s.code, siteName: s.name, reason: `Rolled back: ${s.rollbacks.at(-1)?.reason ?? 'no reason recorded'}` }];
    if (s.rejectedAt !== null && s.verdict !== 'signed_off')
      return [{ siteCode: s.code, siteName: s.name, reason: `Site-complete sheet rejected on ${s.rejectedAt.slice(0, 10)}` }];
    return [];
  });
  const start = input.quietStart;
  const end = input.quietEnd;
  const inQuiet = (at: string) =>
    start !== null && Date.parse(at) >= Date.parse(start) && (end === null || Date.parse(at) <= Date.parse(end));
  const incidents = input.issues.filter((i) => inQuiet(i.createdAt)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const signed = input.sites.filter(
    (s): s is MeasureSite & { signedOffAt: string } => s.verdict === 'signed_off' && s.signedOffAt !== null,
  );
  const kinds = signed.map(signedAdherence);
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  const withinWindow = count('onTime');
  const noWindow = count('noWindow');
  const weeks = new Map<string, { sitesSignedOff: number; issuesClosed: number }>();
  const week = (at: string) => weeks.get(isoWeek(at)) ?? weeks.set(isoWeek(at), { sitesSignedOff: 0, issuesClosed: 0 }).get(isoWeek(at))!;
  for (const s of signed) week(s.signedOffAt).sitesSignedOff++;
  for (const at of input.issueClosures) week(at).issuesClosed++;
  return {
    sitesAttempted: attempted.length,
    signedOffWithoutRollback: succeeded.length,
    successRatePercent: percent(succeeded.length, attempted.length),
    rollbacks,
    failedDeployments,
    quietPeriod: { start, end, incidents, downtimeMinutes: input.quietDowntimeMinutes ?? null },
    schedule: {
      signedOff: signed.length,
      early: count('early'),
      withinWindow,
      late: count('late'),
      noWindow,
      adherencePercent: percent(withinWindow, signed.length - noWindow),
    },
    throughput: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([w, n]) => ({ week: w, ...n })),
  };
}
