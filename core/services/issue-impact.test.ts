import { afterEach, describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../../shared/time/wall-time';
import { signSite } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

/** A sample site in Europe/Berlin (Köln), an issue on it and the POS software component. */
function setup() {
  const sample = openSampleCore();
  core = sample.core;
  const site = sample.sites.find((s) => s.timeZone === 'Europe/Berlin')!;
  const { components } = core.call('deployments.get', { deploymentId: sample.deploymentId });
  const component = components.find((c) => c.kind === 'software') ?? components[0]!;
  const issue = core.call('issues.create', {
    siteId: site.id,
    title: 'Tills cannot reach the POS server',
    severity: 'high',
    category: 'software',
  });
  return { site, component, issue };
}

const berlin = (wall: string) => wallTimeToIso(wall, 'Europe/Berlin')!;

describe('service impact of an issue', () => {
  it('records an outage across midnight and the spring DST change, closes it, and keeps every change in the history', () => {
    const { component, issue } = setup();
    // 28 Mar 2026 23:30 CET to 29 Mar 03:30 CEST (the clocks jump at 02:00): 180 real minutes.
    const opened = core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: berlin('2026-03-28T23:30'),
      usersAffected: 12,
    });
    expect(opened).toMatchObject({
      impact: 'outage',
      impactComponentId: component.id,
      impactStartedAt: '2026-03-28T22:30:00.000Z',
      impactEndedAt: null,
      impactUsersAffected: 12,
    });
    const closed = core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: berlin('2026-03-28T23:30'),
      endedAt: berlin('2026-03-29T03:30'),
      usersAffected: 12,
    });
    expect(closed.impactEndedAt).toBe('2026-03-29T01:30:00.000Z');
    // The same impact again changes nothing and adds no event.
    core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: '2026-03-28T22:30:00Z',
      endedAt: '2026-03-29T01:30:00Z',
      usersAffected: 12,
    });

    const { issue: stored, events } = core.call('issues.get', { issueId: issue.id });
    expect(stored).toMatchObject({
      impact: 'outage',
      impactStartedAt: '2026-03-28T22:30:00.000Z',
      impactEndedAt: '2026-03-29T01:30:00.000Z',
    });
    const changes = events.filter((e) => e.kind === 'impact_changed');
    expect(changes.map((e) => e.text)).toEqual([
      `Outage of ${component.name}, 28 Mar 2026, 23:30 (Europe/Berlin) until now (still going on); 12 users or tills affected`,
      `Outage of ${component.name}, 28 Mar 2026, 23:30 (Europe/Berlin) until 29 Mar 2026, 03:30 (Europe/Berlin); 12 users or tills affected` +
        ` (was: Outage of ${component.name}, 28 Mar 2026, 23:30 (Europe/Berlin) until now (still going on); 12 users or tills affected)`,
    ]);
    expect(changes.every((e) => e.by === 'Test Technician')).toBe(true);
  });

  it('refuses an outage without a start, an end before the start and a component of another deployment', () => {
    const { component, issue } = setup();
    const refused = (input: Record<string, unknown>) => core.dispatch('issues.setImpact', { issueId: issue.id, ...input } as never);
    expect(refused({ impact: 'outage', componentId: component.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(refused({ impact: 'outage', startedAt: '2026-10-25T02:15:00Z', endedAt: '2026-10-24T21:45:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'endedAt' }] },
    });
    expect(
      refused({ impact: 'degraded', componentId: '0190a000-0000-7000-8000-000000000000', startedAt: '2026-10-25T02:15:00Z' }),
    ).toMatchObject({ ok: false, error: { code: 'rule' } });
    // "None" clears the service and the times.
    expect(
      core.call('issues.setImpact', { issueId: issue.id, impact: 'none', componentId: component.id, startedAt: '2026-10-25T02:15:00Z' }),
    ).toMatchObject({
      impact: 'none',
      impactComponentId: null,
      impactStartedAt: null,
    });
  });

  it('an open outage blocks "accepted", named in the refusal; with a reason it is signed with exceptions; ended, it is no gap', () => {
    const { site, component, issue } = setup();
    core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: berlin('2026-10-24T23:45'),
      usersAffected: 4,
    });
    const { gaps } = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    const outageGap = gaps.find((g) => g.kind === 'open_outage')!;
    expect(outageGap).toEqual({
      id: `outage:${issue.id}`,
      kind: 'open_outage',
      label: `Outage: ${component.name} down since 24 Oct 2026, 23:45 (Europe/Berlin), no end recorded (issue #${issue.number} "Tills cannot reach the POS server")`,
    });
    expect(() => signSite(core, site.id, { decision: 'accepted' })).toThrow(/rule: Not complete.*Outage: .* down since 24 Oct 2026, 23:45/);

    core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: berlin('2026-10-24T23:45'),
      endedAt: berlin('2026-10-25T03:15'),
      usersAffected: 4,
    });
    expect(core.call('signoff.review', { siteId: site.id, kind: 'site_complete' }).gaps.some((g) => g.kind === 'open_outage')).toBe(false);

    core.call('issues.setImpact', {
      issueId: issue.id,
      impact: 'outage',
      componentId: component.id,
      startedAt: berlin('2026-10-24T23:45'),
      usersAffected: 4,
    });
    const { sheet } = signSite(core, site.id, { decision: 'accepted_with_exceptions', reason: 'Signed with the outage still open' });
    const content = core.call('signoff.get', { sheetId: sheet.id }).content;
    expect(content.gaps).toContainEqual({ ...outageGap, reason: `Agreed with the site owner: ${outageGap.label}` });
  });
});
