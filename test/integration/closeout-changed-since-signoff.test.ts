import { describe, expect, it } from 'vitest';
import { clockedCoreForTest, sign, smallDeployment, type ClockedCore } from './closeout-fixture';

let c: ClockedCore | undefined;

describe('close-out: a sheet changed since sign-off', () => {
  it('counts the site as not signed for the close-out and the milestone until a new sheet is signed', () => {
    c = clockedCoreForTest();
    const d = smallDeployment(c);
    expect(sign(c, { siteId: d.ams.id })).toMatchObject({ ok: true });
    expect(sign(c, { siteId: d.ber.id })).toMatchObject({ ok: true });
    c.call('sites.rollback', { siteId: d.lis.id, reason: 'Vendor firmware bricked the switch' });
    c.advanceDays(15);
    expect(c.call('closeout.status', { deploymentId: d.deploymentId }).ready).toBe(true);

    // Something the AMS-001 sheet covers changes: a new issue at the site.
    c.call('issues.create', {
      siteId: d.ams.id,
      title: 'Till 3 drawer sticks',
      severity: 'low',
      category: 'hardware',
      blocksSignOff: false,
    });
    expect(c.call('signoff.changed', { siteId: d.ams.id }).changed).toContain('site_complete');
    const changed = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(changed.ready).toBe(false);
    expect(changed.sites).toEqual({ total: 3, signedOff: 1, rolledBack: 1, outstanding: 1 });
    expect(changed.outstandingSites.map((s) => [s.code, s.reason])).toEqual([
      ['AMS-001', 'Changed since its site-complete sheet was signed: sign a new sheet'],
    ]);
    const milestone = sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
    expect(milestone).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('1 site of 3 not signed off: AMS-001') },
    });
    const csv = Buffer.from(c.call('closeout.exportCsv', { deploymentId: d.deploymentId }).base64, 'base64').toString('utf8');
    expect(csv).toContain('outstanding: Changed since its site-complete sheet was signed');

    // A new sheet clears it (and the quiet period runs from that sign-off).
    expect(sign(c, { siteId: d.ams.id })).toMatchObject({ ok: true });
    const signedAgain = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(signedAgain.sites).toEqual({ total: 3, signedOff: 2, rolledBack: 1, outstanding: 0 });
    expect(signedAgain.conditions.map((x) => [x.key, x.met])).toEqual([
      ['sites_accounted_for', true],
      ['quiet_period_over', false],
      ['no_open_blocking_issues', true],
    ]);
  });
});
