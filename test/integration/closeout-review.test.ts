import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { MILESTONE_REVIEW_MISSING } from '../../shared/logic/milestone-review-rule';
import { clockedCoreForTest, sign, smallDeployment, type ClockedCore } from './closeout-fixture';

let c: ClockedCore | undefined;

const REVIEW = {
  wentWell: 'Pilot stores finished a day early.\nScanners read every serial on the first try.',
  wentBadly: 'Switch firmware at LIS-003 bricked the stack; we rolled back.',
  actionItems: [
    { text: 'Pin the switch firmware in the plan', owner: 'Nora Network', due: '2026-04-15' },
    { text: 'Ship spare switches to wave 2 sites', owner: 'Lars Logistics', due: '2026-04-30' },
  ],
};

/**
 * Known numbers (clock starts Monday 2026-03-02 09:00 UTC, ISO week 2026-W10), windows 03-01..03-20
 * except OSL-005 (03-01..03-05):
 * - AMS-001 signed day 0 (W10, on time); BER-002 signed day 2 (W10, on time);
 * - LIS-003 rolled back day 0 ("Vendor firmware bricked the switch");
 * - OSL-005: an issue opened day 1 and resolved day 8 (W11), signed day 8 (W11, late);
 * - OSL-005's issue was a 60-minute outage on 03-03 (before the quiet period);
 * - quiet period from OSL-005's sign-off (03-10 09:00) for 14 days; an incident at LIS-003 on day 10, a 90-minute outage.
 * Success rate 3 of 4 attempted = 75 %; quiet-period downtime 90 min; adherence 2 of 3 = 66.7 %; throughput W10 2 sites 0 issues, W11 1 site 1 issue.
 */
function fixtureDeployment(core: ClockedCore) {
  const d = smallDeployment(core);
  const osl = core.call('sites.create', {
    deploymentId: d.deploymentId,
    waveId: d.wave1.id,
    code: 'OSL-005',
    name: 'Oslo Sentrum',
    windowStart: '2026-03-01T08:00:00Z',
    windowEnd: '2026-03-05T18:00:00Z',
  });
  expect(sign(core, { siteId: d.ams.id })).toMatchObject({ ok: true });
  core.call('sites.rollback', { siteId: d.lis.id, reason: 'Vendor firmware bricked the switch' });
  core.advanceDays(1);
  const oslIssue = core.call('issues.create', {
    siteId: osl.id,
    title: 'Receipt printer offline',
    severity: 'medium',
    category: 'hardware',
  });
  // 60 minutes of outage before any quiet period: not counted in it.
  core.call('issues.setImpact', {
    issueId: oslIssue.id,
    impact: 'outage',
    startedAt: '2026-03-03T10:00:00Z',
    endedAt: '2026-03-03T11:00:00Z',
  });
  core.advanceDays(1);
  expect(sign(core, { siteId: d.ber.id })).toMatchObject({ ok: true });
  core.advanceDays(6);
  core.call('issues.setStatus', { issueId: oslIssue.id, status: 'resolved' });
  expect(sign(core, { siteId: osl.id })).toMatchObject({ ok: true });
  core.advanceDays(2);
  const incident = core.call('issues.create', {
    siteId: d.lis.id,
    title: 'Till 2 offline after the rollback',
    severity: 'high',
    category: 'software',
  });
  core.call('issues.setImpact', {
    issueId: incident.id,
    impact: 'outage',
    startedAt: '2026-03-12T09:00:00Z',
    endedAt: '2026-03-12T10:30:00Z',
    usersAffected: 2,
  });
  core.advanceDays(13); // day 23: the quiet period (to day 22) is over
  return { ...d, osl };
}

describe('post-deployment review', () => {
  it('computes success rate, failures, quiet-period incidents, adherence and weekly throughput on a fixture deployment with known numbers', () => {
    c = clockedCoreForTest();
    const d = fixtureDeployment(c);
    const { review, measures } = c.call('closeout.review', { deploymentId: d.deploymentId });
    expect(review).toBeNull();
    expect(measures).toMatchObject({ sitesAttempted: 4, signedOffWithoutRollback: 3, successRatePercent: 75 });
    expect(measures.failedDeployments).toEqual([
      { siteCode: 'LIS-003', siteName: '=HYPERLINK("http://evil")', reason: 'Rolled back: Vendor firmware bricked the switch' },
    ]);
    expect(measures.rollbacks).toEqual([
      { siteCode: 'LIS-003', at: '2026-03-02T09:00:00.000Z', reason: 'Vendor firmware bricked the switch' },
    ]);
    expect(measures.quietPeriod).toMatchObject({
      start: expect.stringMatching(/^2026-03-10T09:00/),
      end: expect.stringMatching(/^2026-03-24T09:00/),
    });
    expect(measures.quietPeriod.incidents.map((i) => [i.siteCode, i.title, i.severity])).toEqual([
      ['LIS-003', 'Till 2 offline after the rollback', 'high'],
    ]);
    expect(measures.quietPeriod.downtimeMinutes).toBe(90);
    expect(measures.schedule).toEqual({ signedOff: 3, early: 0, withinWindow: 2, late: 1, noWindow: 0, adherencePercent: 66.7 });
    expect(measures.throughput).toEqual([
      { week: '2026-W10', sitesSignedOff: 2, issuesClosed: 0 },
      { week: '2026-W11', sitesSignedOff: 1, issuesClosed: 1 },
    ]);
  });

  it('the milestone is refused without a saved review, then signed over it: the sheet carries the review and measures, prints them and verifies VALID; an older milestone sheet stays VALID', async () => {
    c = clockedCoreForTest();
    const d = fixtureDeployment(c);
    expect(c.call('closeout.status', { deploymentId: d.deploymentId }).ready).toBe(true);
    // A rejected milestone ("not complete yet") needs no review: it is signed as before, without one.
    const rejected = sign(c, {
      kind: 'deployment_milestone',
      deploymentId: d.deploymentId,
      decision: 'rejected',
      reason: 'Waiting for the review',
    });
    if (!rejected.ok) throw new Error(rejected.error.message);
    const refused = sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(refused.ok ? '' : refused.error.message).toContain(MILESTONE_REVIEW_MISSING);

    // A saved review with neither text is not a review.
    c.call('closeout.saveReview', { deploymentId: d.deploymentId, wentWell: '  ', wentBadly: '', actionItems: [] });
    expect(sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('says neither') },
    });

    c.call('closeout.saveReview', { deploymentId: d.deploymentId, ...REVIEW });
    const saved = c.call('closeout.review', { deploymentId: d.deploymentId });
    expect(saved.review).toMatchObject({ ...REVIEW, updatedBy: expect.stringContaining('Rita Release') });
    const milestone = sign(c, { kind: 'deployment_milestone', deploymentId: d.deploymentId });
    if (!milestone.ok) throw new Error(milestone.error.message);
    expect(milestone.value.sheet).toMatchObject({ decision: 'accepted', valid: true });

    const sheet = c.call('signoff.get', { sheetId: milestone.value.sheet.id });
    expect(sheet.content.review.postDeploymentReview).toEqual({ ...saved.review, measures: saved.measures });
    expect(verifySheet(JSON.parse(JSON.stringify(sheet)))).toMatchObject({ valid: true });
    expect(c.call('signoff.review', { kind: 'deployment_milestone', deploymentId: d.deploymentId }).changedSinceSignOff).toBe(false);

    // The older milestone sheet, signed before any review existed, has no review part and is still VALID.
    const old = c.call('signoff.get', { sheetId: rejected.value.sheet.id });
    expect('postDeploymentReview' in old.content.review).toBe(false);
    expect(verifySheet(JSON.parse(JSON.stringify(old)))).toMatchObject({ valid: true });
    expect(c.call('signoff.list', { deploymentId: d.deploymentId }).map((s) => [s.decision, s.valid])).toEqual(
      expect.arrayContaining([
        ['rejected', true],
        ['accepted', true],
      ]),
    );

    // The milestone's PDF prints the review.
    let pdf: { status: string; base64?: string } = { status: 'rendering' };
    for (let i = 0; i < 200 && pdf.status !== 'ready'; i++) {
      pdf = c.call('signoff.exportPdf', { sheetId: milestone.value.sheet.id });
      if (pdf.status !== 'ready') await new Promise((r) => setTimeout(r, 25));
    }
    expect(pdf.status).toBe('ready');
    const file = path.join(c.dataDir, 'milestone.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64!, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sign-off: Deployment Complete Milestone');
    expect(text).toContain('Post-deployment review');
    expect(text).toContain('Pilot stores finished a day early.');
    expect(text).toContain('Switch firmware at LIS-003 bricked the stack; we rolled back.');
    expect(text).toMatch(/Pin the switch firmware in the plan\s+Nora Network\s+2026-04-15/);
    expect(text).toMatch(/Deployment success rate\s+75 % \(3 of 4 attempted sites signed off without rollback\)/);
    expect(text).toMatch(/2026-W11\s+1\s+1/);
  });

  it('the close-out PDF (read back with pdftotext) and CSV (parsed back) carry the review texts, the action items and the measures', async () => {
    c = clockedCoreForTest();
    const d = fixtureDeployment(c);
    // Before the review is written the report says so.
    const before = Buffer.from(c.call('closeout.exportCsv', { deploymentId: d.deploymentId }).base64, 'base64').toString('utf8');
    expect(before).toContain('Review written by,not written yet');
    c.call('closeout.saveReview', { deploymentId: d.deploymentId, ...REVIEW, wentBadly: '=cmd|calc; firmware, "bricked"' });

    const pdfFile = await c.callAsync('closeout.exportPdf', { deploymentId: d.deploymentId });
    const file = path.join(c.dataDir, pdfFile.fileName);
    fs.writeFileSync(file, Buffer.from(pdfFile.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Post-deployment review');
    expect(text).toMatch(/Written by Rita Release.*last saved 2026-03-25 09:00 UTC/);
    expect(text).toContain('Pilot stores finished a day early.');
    expect(text).toContain('Scanners read every serial on the first try.');
    expect(text).toContain('=cmd|calc; firmware, "bricked"');
    expect(text).toMatch(/Pin the switch firmware in the plan\s+Nora Network\s+2026-04-15/);
    expect(text).toMatch(/Ship spare switches to wave 2 sites\s+Lars Logistics\s+2026-04-30/);
    expect(text).toMatch(/Deployment success rate\s+75 % \(3 of 4 attempted sites signed off without rollback\)/);
    expect(text).toMatch(/Schedule adherence\s+66\.7 % signed off within the window \(2 within, 0 early, 1 late/);
    expect(text).toMatch(/Incidents in the quiet period\s+1/);
    expect(text).toMatch(/Downtime in the quiet\s+90 min/); // the label wraps in its column
    expect(text).toMatch(/LIS-003 #1\s+Till 2 offline after the rollback\s+high/);
    expect(text).toMatch(/LIS-003\s+=HYPERLINK\("http:\/\/evil"\)\s+Rolled back: Vendor firmware bricked the switch/);
    expect(text).toMatch(/2026-W10\s+2\s+0/);
    expect(text).toMatch(/2026-W11\s+1\s+1/);

    const csv = Buffer.from(c.call('closeout.exportCsv', { deploymentId: d.deploymentId }).base64, 'base64')
      .subarray(3)
      .toString('utf8');
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data.filter((r) => r.some((cell) => cell !== ''));
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const value = (name: string) => rows.find((r) => r[0] === name)?.[1];
    expect(value('Review success rate %')).toBe('75');
    expect(value('Review sites attempted')).toBe('4');
    expect(value('Review signed off without rollback')).toBe('3');
    expect(value('Review schedule adherence %')).toBe('66.7');
    expect(value('Review incidents in the quiet period')).toBe('1');
    expect(value('Review downtime in the quiet period (minutes)')).toBe('90');
    expect(value('Went well')).toBe(REVIEW.wentWell);
    expect(value('Went badly')).toBe(`'=cmd|calc; firmware, "bricked"`); // formula-safe
    const after = (header: string, n: number) => {
      const start = rows.findIndex((r) => r[0] === header);
      expect(start).toBeGreaterThan(0);
      return rows.slice(start + 1, start + 1 + n).map((r) => r.filter((cell) => cell !== ''));
    };
    expect(after('Throughput week', 2)).toEqual([
      ['2026-W10', '2', '0'],
      ['2026-W11', '1', '1'],
    ]);
    expect(after('Failed deployment', 1)).toEqual([
      ['LIS-003', `'=HYPERLINK("http://evil")`, 'Rolled back: Vendor firmware bricked the switch'],
    ]);
    expect(after('Rollback', 1)).toEqual([['LIS-003', '2026-03-02T09:00:00.000Z', 'Vendor firmware bricked the switch']]);
    expect(after('Quiet-period incident', 1)).toEqual([
      ['LIS-003', '1', 'Till 2 offline after the rollback', 'high', '2026-03-12T09:00:00.000Z'],
    ]);
    expect(after('Action item', 2)).toEqual([
      ['Pin the switch firmware in the plan', 'Nora Network', '2026-04-15'],
      ['Ship spare switches to wave 2 sites', 'Lars Logistics', '2026-04-30'],
    ]);
  });
});
