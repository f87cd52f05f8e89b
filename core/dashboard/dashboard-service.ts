import { missingCount } from '../../shared/logic/inventory-rules';
import type { ApiParsedInput } from '../../shared/contract';
import type { Dashboard, DashboardSiteRow, WaveFigures } from '../../shared/contract/dashboard-methods';
import { issueCategorySchema, issueSeveritySchema } from '../../shared/domain/issue';
import { siteStatusSchema, type SiteStatus } from '../../shared/domain/enums';
import { notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { adherenceOf } from '../../shared/logic/schedule-adherence';
import { durationFigures, earliest, emptyAdherence } from './dashboard-math';
import { readDashboardRows, type DecisionRow } from './dashboard-sql';
import { readImpacts } from './downtime-rows';
import { downtimeFigures } from '../../shared/logic/downtime';
import { decisionRecord } from './wave-decision-rows';

const HOUR_MS = 60 * 60 * 1000;

interface WaveHead {
  id: string;
  name: string;
  sequence: number;
  isPilot: number;
  startsAt: string | null;
  endsAt: string | null;
}

function emptyWave(head: WaveHead | null): WaveFigures {
  return {
    waveId: head?.id ?? null,
    name: head?.name ?? 'No wave',
    sequence: head?.sequence ?? Number.MAX_SAFE_INTEGER,
    isPilot: head ? head.isPilot === 1 : false,
    startsAt: head?.startsAt ?? null,
    endsAt: head?.endsAt ?? null,
    sites: 0,
    byStatus: Object.fromEntries(siteStatusSchema.options.map((s) => [s, 0])) as Record<SiteStatus, number>,
    adherence: emptyAdherence(),
    successful: 0,
    rolledBackSites: 0,
    checks: { pass: 0, fail: 0, error: 0, targets: 0 },
    openIssues: 0,
    openBlockingIssues: 0,
    discrepancies: 0,
    decisions: [],
  };
}

/** `dashboard.get`: every figure of the deployment's dashboard, computed from the local database. */
export function getDashboard(ctx: ServiceContext, { deploymentId }: ApiParsedInput<'dashboard.get'>): Dashboard {
  const deployment = ctx.sqlite
    .prepare('SELECT id, name, quiet_period_days AS quietDays FROM deployments WHERE id = ?')
    .get(deploymentId) as { id: string; name: string; quietDays: number } | undefined;
  if (!deployment) throw notFound('Deployment', deploymentId);
  const heads = ctx.sqlite
    .prepare(
      'SELECT id, name, sequence, is_pilot AS isPilot, starts_at AS startsAt, ends_at AS endsAt FROM waves WHERE deployment_id = ? ORDER BY sequence, id',
    )
    .all(deploymentId) as WaveHead[];
  const generatedAt = ctx.clock.now();
  const now = Date.parse(generatedAt);
  const rows = readDashboardRows(ctx.sqlite, deploymentId, deployment.quietDays);

  const waves = new Map<string | null, WaveFigures>(heads.map((h) => [h.id, emptyWave(h)]));
  const waveName = new Map(heads.map((h) => [h.id, h.name]));
  const issuesBySite = new Map(rows.issues.map((r) => [r.siteId, r]));
  const checksBySite = new Map(rows.checks.map((r) => [r.siteId, r]));
  const totals = {
    sites: 0,
    signedOff: 0,
    successful: 0,
    rolledBackSites: 0,
    rollbacks: 0,
    openIssues: 0,
    openBlockingIssues: 0,
    discrepancies: 0,
  };
  const adherence = emptyAdherence();
  const checks = { pass: 0, fail: 0, error: 0, targets: 0 };
  const inventory = { expected: 0, received: 0, missing: 0, damaged: 0, surplus: 0, stillExpectedPastWindow: 0 };
  const durations: number[] = [];
  const sites: DashboardSiteRow[] = [];

  for (const s of rows.sites) {
    const status = s.status as SiteStatus;
    const signedOffAt = status === 'signed_off' ? (s.signedAt ?? s.updatedAt) : null;
    const startedAt = earliest(s.firstChecklist, s.firstReceived, s.firstCheck, s.firstInProgress);
    const issues = issuesBySite.get(s.id);
    const check = checksBySite.get(s.id);
    const missing = missingCount(s);
    const discrepancies = missing + s.damaged + s.surplus;
    const row: DashboardSiteRow = {
      id: s.id,
      code: s.code,
      name: s.name,
      waveId: s.waveId,
      waveName: s.waveId ? (waveName.get(s.waveId) ?? null) : null,
      status,
      timeZone: s.timeZone,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      adherence: adherenceOf({ windowStart: s.windowStart, windowEnd: s.windowEnd, signedOffAt }, now),
      openIssues: { critical: issues?.critical ?? 0, high: issues?.high ?? 0, medium: issues?.medium ?? 0, low: issues?.low ?? 0 },
      openBlocking: issues?.blocking ?? 0,
      checksPass: check?.pass ?? 0,
      checksChecked: (check?.pass ?? 0) + (check?.fail ?? 0) + (check?.error ?? 0),
      checksTotal: check?.targets ?? 0,
      discrepancies,
      rollbacks: s.rollbacks,
      startedAt,
      signedOffAt,
    };
    sites.push(row);

    let wave = waves.get(s.waveId);
    if (!wave) {
      wave = emptyWave(null);
      waves.set(s.waveId, wave);
    }
    const openIssues = row.openIssues.critical + row.openIssues.high + row.openIssues.medium + row.openIssues.low;
    const successful = status === 'signed_off' && s.rollbacks === 0;
    const rolledBack = s.rollbacks > 0 || status === 'rolled_back';
    wave.sites += 1;
    wave.byStatus[status] += 1;
    wave.adherence[row.adherence] += 1;
    wave.successful += successful ? 1 : 0;
    wave.rolledBackSites += rolledBack ? 1 : 0;
    wave.openIssues += openIssues;
    wave.openBlockingIssues += row.openBlocking;
    wave.discrepancies += discrepancies;
    for (const target of [wave.checks, checks]) {
      target.pass += check?.pass ?? 0;
      target.fail += check?.fail ?? 0;
      target.error += check?.error ?? 0;
      target.targets += check?.targets ?? 0;
    }

    totals.sites += 1;
    totals.signedOff += status === 'signed_off' ? 1 : 0;
    totals.successful += successful ? 1 : 0;
    totals.rolledBackSites += rolledBack ? 1 : 0;
    totals.rollbacks += s.rollbacks;
    totals.openIssues += openIssues;
    totals.openBlockingIssues += row.openBlocking;
    totals.discrepancies += discrepancies;
    adherence[row.adherence] += 1;
    inventory.expected += s.expected;
    inventory.received += s.received;
    inventory.missing += missing;
    inventory.damaged += s.damaged;
    inventory.surplus += s.surplus;
    if (s.windowEnd && Date.parse(s.windowEnd) < now) inventory.stillExpectedPastWindow += missing;
    if (signedOffAt && startedAt) {
      const hours = (Date.parse(signedOffAt) - Date.parse(startedAt)) / HOUR_MS;
      if (hours >= 0) durations.push(hours);
    }
  }

  attachDecisions(waves, rows.decisions);
  const bySeverity = issueSeveritySchema.options.map((severity) => ({ severity, total: 0, open: 0, openBlocking: 0 }));
  const byCategory = issueCategorySchema.options.map((category) => ({ category, total: 0, open: 0 }));
  const quietBySeverity = Object.fromEntries(issueSeveritySchema.options.map((s) => [s, 0])) as Record<
    (typeof issueSeveritySchema.options)[number],
    number
  >;
  let quietTotal = 0;
  for (const g of rows.issueGroups) {
    const sev = bySeverity.find((b) => b.severity === g.severity);
    const cat = byCategory.find((b) => b.category === g.category);
    if (sev) {
      sev.total += g.total;
      sev.open += g.open;
      sev.openBlocking += g.openBlocking;
      quietBySeverity[sev.severity] += g.quiet;
    }
    if (cat) {
      cat.total += g.total;
      cat.open += g.open;
    }
    quietTotal += g.quiet;
  }

  return {
    deploymentId,
    name: deployment.name,
    quietPeriodDays: deployment.quietDays,
    generatedAt,
    totals,
    waves: [...waves.values()].filter((w) => w.waveId !== null || w.sites > 0),
    adherence,
    issues: { bySeverity, byCategory, quietPeriod: { total: quietTotal, bySeverity: quietBySeverity } },
    checks,
    inventory,
    startToSignOff: durationFigures(durations),
    downtime: downtimeFigures({
      impacts: readImpacts(ctx.sqlite, deploymentId),
      sites: sites.map((s) => ({ siteId: s.id, code: s.code, waveId: s.waveId, signedOffAt: s.signedOffAt })),
      quietPeriodDays: deployment.quietDays,
      now,
    }),
    sites,
  };
}

function attachDecisions(waves: Map<string | null, WaveFigures>, decisions: readonly DecisionRow[]): void {
  for (const d of decisions) waves.get(d.waveId)?.decisions.push(decisionRecord(d));
}
