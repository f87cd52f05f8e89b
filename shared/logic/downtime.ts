import type { DowntimeFigures, DowntimeSplit, LongestOutage } from '../domain/downtime';
import type { ServiceImpact } from '../domain/issue';
import { quietPeriodEndMs } from './quiet-period';

/**
 * Downtime per incident (issue #16), pure: an issue's service impact is an interval from its start
 * to its end (an open outage runs up to `now`, which the caller passes in). Outage minutes are
 * summed per site and per wave, split by where they fell against the site's sign-off and quiet
 * period (`quietPeriodDays` of 24 hours after the first accepted sheet, the dashboard's rule);
 * MTTR is the mean duration of the ended outages. Times are UTC instants, so a DST change or
 * midnight in the site's zone changes nothing: a minute is a minute.
 */

const MINUTE_MS = 60_000;

const isSet = (v: unknown) => v !== null && v !== undefined;

/**
 * The impact columns' rule, one place (row rules, contract, core): an outage or degradation has a
 * start; an end needs a start before it. Unparseable times are the format check's concern.
 */
export function impactTimesHold(impact: unknown, startedAt: unknown, endedAt: unknown): boolean {
  if ((impact === 'outage' || impact === 'degraded') && !isSet(startedAt)) return false;
  if (!isSet(endedAt)) return true;
  if (!isSet(startedAt)) return false;
  const s = Date.parse(String(startedAt));
  const e = Date.parse(String(endedAt));
  if (Number.isNaN(s) || Number.isNaN(e)) return true;
  return e > s;
}

export const IMPACT_TIMES_MESSAGE = 'The service impact must end after it starts';

/** An issue's recorded impact, as the figures read it. */
export interface ImpactRecord {
  issueId: string;
  siteId: string;
  number: number;
  title: string;
  impact: ServiceImpact;
  component: string | null;
  startedAt: string | null;
  endedAt: string | null;
  usersAffected: number | null;
}

export interface DowntimeSite {
  siteId: string;
  code: string;
  waveId: string | null;
  /** When the site was signed off (first accepted site-complete sheet); null: not signed off. */
  signedOffAt: string | null;
}

/** An impact's interval in ms (end: its end, or `now` while open); null without a start. */
export function impactInterval(r: Pick<ImpactRecord, 'startedAt' | 'endedAt'>, now: number): { start: number; end: number } | null {
  if (!r.startedAt) return null;
  const start = Date.parse(r.startedAt);
  const end = r.endedAt ? Date.parse(r.endedAt) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return { start, end: Math.max(start, end) };
}

/** Whole minutes of an impact (rounded half up), open ones up to `now`. */
export function impactMinutes(r: Pick<ImpactRecord, 'startedAt' | 'endedAt'>, now: number): number {
  const span = impactInterval(r, now);
  return span ? Math.round((span.end - span.start) / MINUTE_MS) : 0;
}

/** An outage that has started and not ended: it blocks an "accepted" sign-off. */
export function isOpenOutage(r: { impact: ServiceImpact | null; endedAt: string | null }): boolean {
  return r.impact === 'outage' && r.endedAt === null;
}

const overlap = (a: number, b: number, from: number, to: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));

interface SplitMs {
  before: number;
  quiet: number;
  after: number;
}

function splitMs(span: { start: number; end: number }, signedOffAt: string | null, quietPeriodDays: number): SplitMs {
  const signed = signedOffAt ? Date.parse(signedOffAt) : Number.NaN;
  if (Number.isNaN(signed)) return { before: span.end - span.start, quiet: 0, after: 0 };
  const quietEnd = quietPeriodEndMs(signed, quietPeriodDays);
  return {
    before: overlap(span.start, span.end, -Infinity, signed),
    quiet: overlap(span.start, span.end, signed, quietEnd),
    after: overlap(span.start, span.end, quietEnd, Infinity),
  };
}

const emptyMs = (): SplitMs => ({ before: 0, quiet: 0, after: 0 });
const add = (into: SplitMs, more: SplitMs) => {
  into.before += more.before;
  into.quiet += more.quiet;
  into.after += more.after;
};
const toMinutes = (ms: number) => Math.round(ms / MINUTE_MS);
function split(ms: SplitMs): DowntimeSplit {
  return {
    total: toMinutes(ms.before + ms.quiet + ms.after),
    beforeSignOff: toMinutes(ms.before),
    quietPeriod: toMinutes(ms.quiet),
    afterQuietPeriod: toMinutes(ms.after),
  };
}

/**
 * Outage minutes inside one window (from `from`, until `to` or `now`), e.g. the deployment's quiet
 * period in the post-deployment review; null when the window has not started (no `from`).
 */
export function outageMinutesWithin(impacts: readonly ImpactRecord[], from: string | null, to: string | null, now: number): number | null {
  if (from === null) return null;
  const start = Date.parse(from);
  const end = to === null ? now : Date.parse(to);
  let ms = 0;
  for (const r of impacts) {
    const span = r.impact === 'outage' ? impactInterval(r, now) : null;
    if (span) ms += overlap(span.start, span.end, start, end);
  }
  return toMinutes(ms);
}

export function downtimeFigures(input: {
  impacts: readonly ImpactRecord[];
  sites: readonly DowntimeSite[];
  quietPeriodDays: number;
  /** The time of the figures (ms since the epoch): open outages count up to it. */
  now: number;
  /** How many of the longest outages to list. */
  longest?: number;
}): DowntimeFigures {
  const siteById = new Map(input.sites.map((s) => [s.siteId, s]));
  const perSite = new Map(input.sites.map((s) => [s.siteId, { ms: emptyMs(), outages: 0, open: 0 }]));
  const perWave = new Map<string | null, { ms: SplitMs; outages: number }>();
  for (const s of input.sites) if (!perWave.has(s.waveId)) perWave.set(s.waveId, { ms: emptyMs(), outages: 0 });
  const total = emptyMs();
  let degradedMs = 0;
  const closedDurations: number[] = [];
  const outages: LongestOutage[] = [];
  for (const r of input.impacts) {
    const site = siteById.get(r.siteId);
    const span = impactInterval(r, input.now);
    if (!site || !span) continue;
    if (r.impact === 'degraded') degradedMs += span.end - span.start;
    if (r.impact !== 'outage') continue;
    const ms = splitMs(span, site.signedOffAt, input.quietPeriodDays);
    const bySite = perSite.get(site.siteId)!;
    const byWave = perWave.get(site.waveId)!;
    add(total, ms);
    add(bySite.ms, ms);
    add(byWave.ms, ms);
    bySite.outages += 1;
    byWave.outages += 1;
    if (r.endedAt) closedDurations.push(span.end - span.start);
    else bySite.open += 1;
    outages.push({
      issueId: r.issueId,
      siteId: r.siteId,
      siteCode: site.code,
      number: r.number,
      title: r.title,
      component: r.component,
      startedAt: r.startedAt!,
      endedAt: r.endedAt,
      minutes: toMinutes(span.end - span.start),
      usersAffected: r.usersAffected,
    });
  }
  const mean = closedDurations.length === 0 ? null : closedDurations.reduce((a, b) => a + b, 0) / closedDurations.length / MINUTE_MS;
  return {
    outages: outages.length,
    openOutages: outages.filter((o) => o.endedAt === null).length,
    minutes: split(total),
    degradedMinutes: toMinutes(degradedMs),
    mttrMinutes: mean === null ? null : Math.round(mean * 10) / 10,
    bySite: [...perSite.entries()].map(([siteId, s]) => ({ siteId, outages: s.outages, openOutages: s.open, ...split(s.ms) })),
    byWave: [...perWave.entries()].map(([waveId, w]) => ({ waveId, outages: w.outages, ...split(w.ms) })),
    longest: outages
      .sort((a, b) => b.minutes - a.minutes || a.startedAt.localeCompare(b.startedAt) || a.siteCode.localeCompare(b.siteCode))
      .slice(0, input.longest ?? 5),
  };
}
