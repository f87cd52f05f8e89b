import { CLOSEOUT_LIST_LIMIT, type CloseoutCondition, type CloseoutStatus } from '../../shared/contract/closeout-methods';
import { notFound } from '../services/domain-error';
import type { ServiceContext } from '../services/service-context';
import { changedSinceSignOff } from '../signoff/signoff-service';
import { readCloseoutSites, readNewestMilestone, readOpenBlockingIssues, type CloseoutSiteRow } from './closeout-sql';
import { DAY_MS, quietPeriodEndMs } from '../../shared/logic/quiet-period';

const ACCEPTED = new Set(['accepted', 'accepted_with_exceptions']);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A close-out site row and whether what its newest site-complete sheet covers changed since it was signed. */
export type CloseoutSite = CloseoutSiteRow & { changedSinceSignOff: boolean };

/** The deployment's sites for the close-out; only accepted sheets are re-reviewed (the rest are outstanding anyway). */
export function closeoutSites(ctx: ServiceContext, deploymentId: string): CloseoutSite[] {
  return readCloseoutSites(ctx.sqlite, deploymentId).map((s) => ({
    ...s,
    changedSinceSignOff:
      s.status === 'signed_off' &&
      s.sheetDecision !== null &&
      ACCEPTED.has(s.sheetDecision) &&
      changedSinceSignOff(ctx, { siteId: s.id }).changed.includes('site_complete'),
  }));
}

type SiteVerdict = { kind: 'signed_off'; at: string } | { kind: 'rolled_back' } | { kind: 'outstanding'; reason: string };

/**
 * How one site stands for the close-out. Signed off = status `signed_off` and the newest
 * site-complete sheet accepted (with or without exceptions) and not changed since. Rolled back and accounted for =
 * status `rolled_back` with a recorded rollback (reason and who). Anything else is outstanding.
 */
export function siteVerdict(site: CloseoutSite): SiteVerdict {
  if (site.status === 'signed_off') {
    if (site.sheetDecision && ACCEPTED.has(site.sheetDecision) && site.sheetSignedAt) {
      if (site.changedSinceSignOff)
        return { kind: 'outstanding', reason: 'Changed since its site-complete sheet was signed: sign a new sheet' };
      return { kind: 'signed_off', at: site.sheetSignedAt };
    }
    if (site.sheetDecision === 'rejected') return { kind: 'outstanding', reason: 'Its newest site-complete sheet was rejected' };
    return { kind: 'outstanding', reason: 'Marked signed off, but no site-complete sheet was signed' };
  }
  if (site.status === 'rolled_back') {
    return site.rollbacks > 0
      ? { kind: 'rolled_back' }
      : { kind: 'outstanding', reason: 'Rolled back without a recorded rollback (reason)' };
  }
  return { kind: 'outstanding', reason: `Not signed off yet (${site.status.replace(/_/g, ' ')})` };
}

/** `closeout.status`: whether the deployment may be closed with the milestone, and what is missing. */
export function closeoutStatus(ctx: ServiceContext, deploymentId: string): CloseoutStatus {
  const deployment = ctx.sqlite
    .prepare('SELECT id, name, quiet_period_days AS quietDays FROM deployments WHERE id = ?')
    .get(deploymentId) as { id: string; name: string; quietDays: number } | undefined;
  if (!deployment) throw notFound('Deployment', deploymentId);
  const checkedAt = ctx.clock.now();
  const now = Date.parse(checkedAt);

  const sites = closeoutSites(ctx, deploymentId);
  let signedOff = 0;
  let rolledBack = 0;
  let lastSignOffAt: string | null = null;
  const outstanding: CloseoutStatus['outstandingSites'] = [];
  for (const site of sites) {
    const verdict = siteVerdict(site);
    if (verdict.kind === 'signed_off') {
      signedOff += 1;
      if (lastSignOffAt === null || Date.parse(verdict.at) > Date.parse(lastSignOffAt)) lastSignOffAt = verdict.at;
    } else if (verdict.kind === 'rolled_back') rolledBack += 1;
    else outstanding.push({ siteId: site.id, code: site.code, name: site.name, status: site.status, reason: verdict.reason });
  }

  const quietPeriodEndsAt =
    lastSignOffAt === null ? null : new Date(quietPeriodEndMs(Date.parse(lastSignOffAt), deployment.quietDays)).toISOString();
  const blocking = readOpenBlockingIssues(ctx.sqlite, deploymentId);
  const conditions: CloseoutCondition[] = [
    sitesCondition(sites.length, signedOff, rolledBack, outstanding),
    quietCondition(deployment.quietDays, lastSignOffAt, quietPeriodEndsAt, now),
    {
      key: 'no_open_blocking_issues',
      met: blocking.length === 0,
      title: 'No open blocking issues',
      detail:
        blocking.length === 0
          ? 'No issue that blocks sign-off is open (accepted exceptions do not count)'
          : `${plural(blocking.length, 'open issue')} ${blocking.length === 1 ? 'blocks' : 'block'} sign-off: ${blocking
              .slice(0, 5)
              .map((b) => `${b.siteCode} #${b.number}`)
              .join(', ')}${blocking.length > 5 ? ', …' : ''}; resolve them or accept them as exceptions`,
    },
  ];
  const milestone = readNewestMilestone(ctx.sqlite, deploymentId);
  return {
    deploymentId,
    deploymentName: deployment.name,
    quietPeriodDays: deployment.quietDays,
    checkedAt,
    ready: conditions.every((c) => c.met),
    conditions,
    sites: { total: sites.length, signedOff, rolledBack, outstanding: outstanding.length },
    outstandingSites: outstanding.slice(0, CLOSEOUT_LIST_LIMIT),
    lastSignOffAt,
    quietPeriodEndsAt,
    openBlockingIssues: blocking.length,
    blockingIssues: blocking.slice(0, CLOSEOUT_LIST_LIMIT),
    milestone,
    complete: milestone !== null && milestone.decision !== 'rejected',
  };
}

function sitesCondition(
  total: number,
  signedOff: number,
  rolledBack: number,
  outstanding: CloseoutStatus['outstandingSites'],
): CloseoutCondition {
  const base = { key: 'sites_accounted_for' as const, title: 'Every site signed off or rolled back' };
  if (total === 0) return { ...base, met: false, detail: 'The deployment has no sites' };
  if (signedOff === 0)
    return {
      ...base,
      met: false,
      detail: `No site has an accepted site-complete sheet yet (${plural(outstanding.length, 'site')} outstanding)`,
    };
  if (outstanding.length > 0) {
    const names = outstanding
      .slice(0, 5)
      .map((s) => s.code)
      .join(', ');
    return {
      ...base,
      met: false,
      detail: `${plural(outstanding.length, 'site')} of ${total} not signed off: ${names}${outstanding.length > 5 ? ', …' : ''}`,
    };
  }
  return {
    ...base,
    met: true,
    detail: `${signedOff} of ${total} signed off${rolledBack > 0 ? `, ${rolledBack} rolled back (recorded)` : ''}`,
  };
}

function quietCondition(days: number, lastSignOffAt: string | null, endsAt: string | null, now: number): CloseoutCondition {
  const base = { key: 'quiet_period_over' as const, title: `Quiet period of ${plural(days, 'day')} over` };
  if (lastSignOffAt === null || endsAt === null)
    return { ...base, met: false, detail: 'The quiet period starts at the last site sign-off; no site is signed off yet' };
  const left = Date.parse(endsAt) - now;
  if (left > 0) {
    const daysLeft = Math.ceil(left / DAY_MS);
    return {
      ...base,
      met: false,
      detail: `Ends ${endsAt.slice(0, 16).replace('T', ' ')} UTC (${plural(daysLeft, 'day')} left), ${plural(days, 'day')} after the last site sign-off on ${lastSignOffAt.slice(0, 10)}`,
    };
  }
  return {
    ...base,
    met: true,
    detail: `Ended ${endsAt.slice(0, 16).replace('T', ' ')} UTC, ${plural(days, 'day')} after the last site sign-off`,
  };
}
