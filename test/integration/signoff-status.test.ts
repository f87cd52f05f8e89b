import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

function sampleWithBlockingIssue() {
  const opened = openSampleCore();
  core = opened.core;
  const issue = core.call('issues.create', {
    siteId: opened.site.id,
    title: 'Rack door does not lock',
    severity: 'high',
    category: 'facility',
    blocksSignOff: true,
  });
  return { ...opened, issue };
}

describe('sign-off status rules', () => {
  it('refuses "accepted" over an open blocking issue, and accepts it as an exception in the same transaction', () => {
    const { core, site, issue } = sampleWithBlockingIssue();
    const review = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    expect(review.blockingIssueIds).toEqual([issue.id]);
    expect(core.dispatch('signoff.sign', { ...baseSign(site.id, review.reviewHash), decision: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
    // An exception without a reason is refused and leaves the issue open (the transaction rolled back).
    const noReason = core.dispatch('signoff.sign', {
      ...baseSign(site.id, review.reviewHash),
      decision: 'accepted_with_exceptions',
      exceptions: [{ issueId: issue.id, reason: '' }],
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(core.call('issues.get', { issueId: issue.id }).issue.status).toBe('open');

    const signed = signSite(core, site.id, {
      decision: 'accepted_with_exceptions',
      exceptions: [{ issueId: issue.id, reason: 'Locksmith booked for Monday' }],
    });
    expect(signed.sheet).toMatchObject({ decision: 'accepted_with_exceptions', exceptionCount: 1, valid: true });
    expect(signed.acceptedIssues[0]!.status).toBe('accepted_exception');
    expect(core.call('issues.get', { issueId: issue.id }).issue.status).toBe('accepted_exception');
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('signed_off');
    // The sheet shows the issue as accepted, so nothing changed since sign-off.
    expect(core.call('signoff.review', { siteId: site.id, kind: 'site_complete' }).changedSinceSignOff).toBe(false);
  });

  it('"rejected" needs a reason; open core work is signed "accepted with exceptions" (signoff-gates.test.ts signs "accepted" on finished work)', () => {
    const { core, site } = openSampleCore();
    const review = core.call('signoff.review', { siteId: site.id, kind: 'core_components' });
    expect(
      core.dispatch('signoff.sign', { ...baseSign(site.id, review.reviewHash), kind: 'core_components', decision: 'rejected' }),
    ).toMatchObject({ ok: false, error: { code: 'rule' } });
    const rejected = signSite(core, site.id, { kind: 'core_components', decision: 'rejected', reason: 'Firewall not yet configured' });
    expect(rejected.sheet.decision).toBe('rejected');
    const accepted = signSite(core, site.id, { kind: 'core_components', decision: 'accepted_with_exceptions' });
    expect(accepted.sheet.valid).toBe(true);
    expect(core.call('signoff.list', { siteId: site.id }).map((s) => s.decision)).toEqual(['accepted_with_exceptions', 'rejected']);
    core.close();
  });

  it('marks the site "changed since sign-off" after a later change; the old sheet stays and a new one clears it', () => {
    const { core, site } = sampleWithBlockingIssue();
    expect(core.call('signoff.changed', { siteId: site.id })).toEqual({ changed: [] });
    const first = signSite(core, site.id, { decision: 'rejected', reason: 'Open issue' });
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('planned'); // a rejection does not complete the site
    expect(core.call('signoff.review', { siteId: site.id, kind: 'site_complete' }).changedSinceSignOff).toBe(false);
    const item = core.call('checklist.get', { siteId: site.id }).phases[0]!.items.find((i) => i.state === 'todo' && !i.dependsOn)!;
    core.call('checklist.setItemState', { itemId: item.id, state: 'failed', note: 'UPS missing' });
    const after = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    expect(after.changedSinceSignOff).toBe(true);
    expect(core.call('signoff.changed', { siteId: site.id })).toEqual({ changed: ['site_complete'] });
    expect(after.latestSheetId).toBe(first.sheet.id);
    const second = signSite(core, site.id, { decision: 'rejected', reason: 'UPS missing' });
    expect(core.call('signoff.review', { siteId: site.id, kind: 'site_complete' })).toMatchObject({
      changedSinceSignOff: false,
      latestSheetId: second.sheet.id,
    });
    expect(core.call('signoff.list', { siteId: site.id }).map((s) => s.id)).toEqual([second.sheet.id, first.sheet.id]);
  });

  it('a rollback after signing makes the sheet out of date, and the next sheet lists the rollback', () => {
    const { core, site, issue } = sampleWithBlockingIssue();
    signSite(core, site.id, { decision: 'accepted_with_exceptions', exceptions: [{ issueId: issue.id, reason: 'Parts ordered' }] });
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('signed_off');
    core.call('sites.rollback', { siteId: site.id, reason: 'POS crashes at open', issueIds: [issue.id] });
    const review = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    expect(review.changedSinceSignOff).toBe(true);
    expect(review.review.rollbacks).toEqual([{ at: expect.any(String), reason: 'POS crashes at open' }]);
    const next = signSite(core, site.id, { decision: 'rejected', reason: 'Rolled back' });
    expect(core.call('sites.get', { siteId: site.id }).status).toBe('rolled_back');
    expect(core.call('signoff.get', { sheetId: next.sheet.id }).content.review.rollbacks).toHaveLength(1);
  });

  it('covers the latest finished check run per target, and "not checked" for targets without one', () => {
    const { core, site } = sampleWithBlockingIssue();
    const [first, ...others] = core.call('machines.list', { siteId: site.id });
    const sqlite = new Database(core.databaseFile);
    const insert = sqlite.prepare(
      `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count)
       VALUES (?, ?, ?, ?, 'job', ?, ?, 'Tester', ?, ?, ?, 0)`,
    );
    insert.run('run-1', site.id, first!.id, first!.hostName, '2026-11-20T10:00:00.000Z', '2026-11-20T10:01:00.000Z', 'completed', 12, 1);
    insert.run('run-2', site.id, first!.id, first!.hostName, '2026-11-21T10:00:00.000Z', null, 'completed', 0, 0); // still running: not a result yet
    sqlite.close();
    const { checks } = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' }).review;
    expect(checks.find((c) => c.target === first!.hostName)).toMatchObject({
      outcome: 'completed',
      result: '12 passed, 1 failed, 0 errors',
      finishedAt: '2026-11-20T10:01:00.000Z',
    });
    expect(checks.filter((c) => c.outcome === 'not checked')).toHaveLength(others.length);
  });

  it('refuses to sign when the review changed since it was shown', () => {
    const { core, site } = sampleWithBlockingIssue();
    const review = core.call('signoff.review', { siteId: site.id, kind: 'site_complete' });
    core.call('issues.create', { siteId: site.id, title: 'Label printer jammed', severity: 'low', category: 'hardware' });
    const result = core.dispatch('signoff.sign', { ...baseSign(site.id, review.reviewHash), decision: 'rejected', reason: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps sheets immutable: UPDATE and DELETE are refused by the database', () => {
    const { core, site } = sampleWithBlockingIssue();
    const { sheet } = signSite(core, site.id, { decision: 'rejected', reason: 'Open issue' });
    const sqlite = new Database(core.databaseFile);
    expect(() => sqlite.prepare("UPDATE sign_off_sheets SET signer_name = 'Mallory' WHERE id = ?").run(sheet.id)).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM sign_off_sheets WHERE id = ?').run(sheet.id)).toThrow(/immutable/);
    sqlite.close();
  });

  it('has the release manager sign the deployment milestone, which covers the site sheets', () => {
    const { core, deploymentId, site } = sampleWithBlockingIssue();
    const review = core.call('signoff.review', { kind: 'deployment_milestone', deploymentId });
    const input = {
      kind: 'deployment_milestone' as const,
      deploymentId,
      reviewHash: review.reviewHash,
      decision: 'rejected' as const,
      reason: 'Sites open',
      signerName: 'Rita',
      signerRole: 'Release manager',
      signerTimeZone: 'UTC',
      signaturePngBase64: signaturePng(),
      statementConfirmed: true as const,
    };
    expect(core.dispatch('signoff.sign', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.call('profile.set', { name: 'Rita', role: 'release_manager' });
    const milestone = core.call('signoff.sign', input);
    expect(milestone.sheet).toMatchObject({ kind: 'deployment_milestone', siteId: null, valid: true });
    expect(core.call('signoff.list', { deploymentId })).toHaveLength(1);
    signSite(core, site.id, { decision: 'rejected', reason: 'Open issue' });
    expect(core.call('signoff.review', { kind: 'deployment_milestone', deploymentId }).changedSinceSignOff).toBe(true);
  });
});

function baseSign(siteId: string, reviewHash: string) {
  return {
    kind: 'site_complete' as const,
    siteId,
    reviewHash,
    signerName: 'Ana Owner',
    signerRole: 'Site owner',
    signerTimeZone: 'Europe/Lisbon',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true as const,
  };
}
