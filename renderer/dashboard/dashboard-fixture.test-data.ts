import type { Dashboard, DashboardSiteRow, WaveFigures } from '../../shared/contract/dashboard-methods';

/** Hand-made dashboard values for the renderer's unit tests. */
export function siteRow(code: string, patch: Partial<DashboardSiteRow> = {}): DashboardSiteRow {
  return {
    id: `id-${code}`,
    code,
    name: `Site ${code}`,
    waveId: 'w1',
    waveName: 'Pilot',
    status: 'planned',
    timeZone: 'UTC',
    windowStart: null,
    windowEnd: null,
    adherence: 'noWindow',
    openIssues: { critical: 0, high: 0, medium: 0, low: 0 },
    openBlocking: 0,
    checksPass: 0,
    checksChecked: 0,
    checksTotal: 0,
    discrepancies: 0,
    rollbacks: 0,
    startedAt: null,
    signedOffAt: null,
    ...patch,
  };
}

export function waveFigures(name: string, sequence: number, patch: Partial<WaveFigures> = {}): WaveFigures {
  return {
    waveId: `w${sequence}`,
    name,
    sequence,
    isPilot: sequence === 1,
    startsAt: null,
    endsAt: null,
    sites: 0,
    byStatus: { planned: 0, ready: 0, in_progress: 0, blocked: 0, deployed: 0, signed_off: 0, rolled_back: 0 },
    adherence: { early: 0, onTime: 0, late: 0, overdue: 0, inWindow: 0, upcoming: 0, noWindow: 0 },
    successful: 0,
    rolledBackSites: 0,
    checks: { pass: 0, fail: 0, error: 0, targets: 0 },
    openIssues: 0,
    openBlockingIssues: 0,
    discrepancies: 0,
    decisions: [],
    ...patch,
  };
}

export function dashboardOf(waves: WaveFigures[], sites: DashboardSiteRow[] = []): Dashboard {
  return {
    deploymentId: 'd1',
    name: 'Rollout',
    quietPeriodDays: 14,
    generatedAt: '2026-11-24T09:00:00.000Z',
    totals: {
      sites: sites.length,
      signedOff: 0,
      successful: 0,
      rolledBackSites: 0,
      rollbacks: 0,
      openIssues: 0,
      openBlockingIssues: 0,
      discrepancies: 0,
    },
    waves,
    adherence: { early: 0, onTime: 0, late: 0, overdue: 0, inWindow: 0, upcoming: 0, noWindow: 0 },
    issues: {
      bySeverity: [
        { severity: 'critical', total: 1, open: 1, openBlocking: 1 },
        { severity: 'high', total: 2, open: 1, openBlocking: 0 },
        { severity: 'medium', total: 0, open: 0, openBlocking: 0 },
        { severity: 'low', total: 3, open: 0, openBlocking: 0 },
      ],
      byCategory: [
        { category: 'hardware', total: 4, open: 1 },
        { category: 'software', total: 2, open: 1 },
        { category: 'network', total: 0, open: 0 },
        { category: 'facility', total: 0, open: 0 },
        { category: 'documentation', total: 0, open: 0 },
        { category: 'training', total: 0, open: 0 },
      ],
      quietPeriod: { total: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 } },
    },
    checks: { pass: 0, fail: 0, error: 0, targets: 0 },
    inventory: { expected: 0, received: 0, missing: 0, damaged: 0, surplus: 0, stillExpectedPastWindow: 0 },
    startToSignOff: { measured: 0, medianHours: null, p90Hours: null, buckets: [{ label: '< 4 h', maxHours: 4, count: 2 }] },
    downtime: {
      outages: 0,
      openOutages: 0,
      minutes: { total: 0, beforeSignOff: 0, quietPeriod: 0, afterQuietPeriod: 0 },
      degradedMinutes: 0,
      mttrMinutes: null,
      bySite: [],
      byWave: [],
      longest: [],
    },
    sites,
  };
}
