import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { clockedCoreForTest, saveReview, sign, smallDeployment, type ClockedCore } from './closeout-fixture';

let c: ClockedCore | undefined;

const condition = (status: { conditions: { key: string; met: boolean; detail: string }[] }, key: string) =>
  status.conditions.find((x) => x.key === key)!;

describe('closeout.status and the Deployment Complete Milestone', () => {
  it('names every unmet condition, and offers the milestone only once all sites are accounted for, the quiet period is over and nothing blocks', () => {
    c = clockedCoreForTest();
    const d = smallDeployment(c);

    const fresh = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(fresh).toMatchObject({
      ready: false,
      complete: false,
      milestone: null,
      sites: { total: 3, signedOff: 0, rolledBack: 0, outstanding: 3 },
      lastSignOffAt: null,
    });
    expect(fresh.conditions.map((x) => [x.key, x.met])).toEqual([
      ['sites_accounted_for', false],
      ['quiet_period_over', false],
      ['no_open_blocking_issues', true],
    ]);
    expect(condition(fresh, 'sites_accounted_for').detail).toBe('No site has an accepted site-complete sheet yet (3 sites outstanding)');
    expect(fresh.outstandingSites.map((s) => [s.code, s.reason])).toEqual([
      ['AMS-001', 'Not signed off yet (planned)'],
      ['BER-002', 'Not signed off yet (planned)'],
      ['LIS-003', 'Not signed off yet (planned)'],
    ]);

    // A blocking issue at BER-002 is named.
    const issue = c.call('issues.create', {
      siteId: d.ber.id,
      title: 'Rack power feed B dead',
      severity: 'high',
      category: 'facility',
      blocksSignOff: true,
    });
    const blocked = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(condition(blocked, 'no_open_blocking_issues')).toMatchObject({ met: false });
    expect(condition(blocked, 'no_open_blocking_issues').detail).toContain('1 open issue blocks sign-off: BER-002 #1');
    expect(blocked.blockingIssues).toEqual([
      { issueId: issue.id, siteId: d.ber.id, siteCode: 'BER-002', number: 1, title: 'Rack power feed B dead', severity: 'high' },
    ]);

    // AMS-001 signed on day 0; LIS-003 rolled back (a recorded rollback accounts for it).
    expect(sign(c, { siteId: d.ams.id })).toMatchObject({ ok: true });
    c.call('sites.rollback', { siteId: d.lis.id, reason: 'Vendor firmware bricked the switch' });
    const partly = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(partly.sites).toEqual({ total: 3, signedOff: 1, rolledBack: 1, outstanding: 1 });
    expect(condition(partly, 'sites_accounted_for').detail).toBe('1 site of 3 not signed off: BER-002');

    // Two days later BER-002 is signed with its blocking issue accepted as an exception.
    c.advanceDays(2);
    const signedBer = sign(c, {
      siteId: d.ber.id,
      decision: 'accepted_with_exceptions',
      exceptions: [{ issueId: issue.id, reason: 'Feed A carries the load until the electrician comes' }],
    });
    expect(signedBer).toMatchObject({ ok: true });
    const berSignedAt = signedBer.ok ? signedBer.value.sheet.signedAt : '';
    const waiting = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(waiting.conditions.map((x) => [x.key, x.met])).toEqual([
      ['sites_accounted_for', true],
      ['quiet_period_over', false],
      ['no_open_blocking_issues', true],
    ]);
    expect(condition(waiting, 'sites_accounted_for').detail).toBe('2 of 3 signed off, 1 rolled back (recorded)');
    expect(waiting.lastSignOffAt).toBe(berSignedAt);
    expect(waiting.quietPeriodEndsAt).toBe(new Date(Date.parse(berSignedAt) + 14 * 86_400_000).toISOString());
    expect(condition(waiting, 'quiet_period_over').detail).toContain('(14 days left)');

    // The milestone is refused (naming the unmet condition) while the quiet period runs.
    const early = sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
    expect(early).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(early.ok ? '' : early.error.message).toMatch(/not ready to close.*Quiet period of 14 days over: Ends .* \(14 days left\)/);
    expect(c.call('signoff.list', { deploymentId: d.deploymentId })).toHaveLength(0);

    // 13 days on: one day left. 14 days on: ready.
    c.advanceDays(13);
    expect(condition(c.call('closeout.status', { deploymentId: d.deploymentId }), 'quiet_period_over').detail).toContain('(1 day left)');
    c.advanceDays(1);
    const ready = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(ready.ready).toBe(true);
    expect(condition(ready, 'quiet_period_over').detail).toMatch(
      /^Ended \d{4}-\d\d-\d\d \d\d:\d\d UTC, 14 days after the last site sign-off$/,
    );

    // Signed (over the post-deployment review): the deployment is complete and the status carries the sheet's hash and signer.
    saveReview(c, d.deploymentId);
    const milestone = sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
    expect(milestone).toMatchObject({ ok: true, value: { sheet: { kind: 'deployment_milestone', decision: 'accepted', valid: true } } });
    const sheet = milestone.ok ? milestone.value.sheet : null;
    const done = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(done).toMatchObject({
      complete: true,
      milestone: {
        sheetId: sheet!.id,
        decision: 'accepted',
        signerName: 'Rita Release',
        signerRole: 'Release manager',
        contentHash: sheet!.contentHash,
      },
    });
    expect(done.milestone!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.call('deployments.get', { deploymentId: d.deploymentId }).deployment.status).toBe('complete');
  });

  it('keeps a rejected site sheet, a site marked signed off without a sheet and an unrecorded rollback outstanding', () => {
    c = clockedCoreForTest();
    const d = smallDeployment(c);
    expect(sign(c, { siteId: d.ams.id, decision: 'rejected', reason: 'Cabling unfinished' })).toMatchObject({ ok: true });
    // Statuses that came from elsewhere (another device, an old import), written straight into the file.
    const raw = new Database(c.core.databaseFile);
    const setStatus = raw.prepare('UPDATE sites SET status = ? WHERE id = ?');
    setStatus.run('signed_off', d.ams.id);
    setStatus.run('signed_off', d.ber.id);
    setStatus.run('rolled_back', d.lis.id);
    raw.close();
    const status = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(status.outstandingSites.map((s) => [s.code, s.reason])).toEqual([
      ['AMS-001', 'Its newest site-complete sheet was rejected'],
      ['BER-002', 'Marked signed off, but no site-complete sheet was signed'],
      ['LIS-003', 'Rolled back without a recorded rollback (reason)'],
    ]);
    expect(status.ready).toBe(false);
    // A rejected milestone ("not complete") may still be recorded; it does not complete the deployment.
    expect(
      sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId, decision: 'rejected', reason: 'Three sites open' }),
    ).toMatchObject({ ok: true });
    const after = c.call('closeout.status', { deploymentId: d.deploymentId });
    expect(after).toMatchObject({ complete: false, milestone: { decision: 'rejected' } });
    expect(c.call('deployments.get', { deploymentId: d.deploymentId }).deployment.status).toBe('draft');
  });

  it('refuses an unknown deployment and a deployment without sites says so', () => {
    c = clockedCoreForTest();
    c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
    expect(c.core.dispatch('closeout.status', { deploymentId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const empty = c.call('deployments.create', { name: 'Empty' });
    const status = c.call('closeout.status', { deploymentId: empty.id });
    expect(status.conditions[0]).toMatchObject({ key: 'sites_accounted_for', met: false, detail: 'The deployment has no sites' });
  });
});
