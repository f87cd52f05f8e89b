import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('sample deployment', () => {
  it('shows one incident with downtime: an ended 55-minute outage of the POS software at the last store, on the dashboard', () => {
    const sample = openSampleCore();
    core = sample.core;
    const withImpact = sample.sites.flatMap((s) =>
      sample.core
        .call('issues.list', { siteId: s.id })
        .issues.filter((i) => i.impact !== null)
        .map((i) => ({ site: s.code, i })),
    );
    expect(withImpact.map((x) => x.site)).toEqual(['LIL-006']);
    const { i: incident } = withImpact[0]!;
    expect(incident).toMatchObject({ status: 'resolved', impact: 'outage', impactUsersAffected: 6 });
    expect(Date.parse(incident.impactEndedAt!) - Date.parse(incident.impactStartedAt!)).toBe(55 * 60 * 1000);
    const { events } = sample.core.call('issues.get', { issueId: incident.id });
    expect(events.map((e) => e.kind)).toEqual(['created', 'impact_changed', 'resolved']);
    expect(events[1]!.text).toMatch(/^Outage of POS software, .* until .*; 6 users or tills affected$/);

    const { downtime } = sample.core.call('dashboard.get', { deploymentId: sample.deploymentId });
    expect(downtime).toMatchObject({ outages: 1, openOutages: 0, mttrMinutes: 55, minutes: { total: 55, beforeSignOff: 55 } });
    expect(downtime.longest.map((o) => [o.siteCode, o.minutes, o.component])).toEqual([['LIL-006', 55, 'POS software']]);
  });
});
