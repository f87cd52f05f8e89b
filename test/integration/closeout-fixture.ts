import fs from 'node:fs';
import { onTestFinished } from 'vitest';
import type { ApiInput, ApiOutput, ApiResult } from '../../shared/contract';
import { signaturePng } from '../support/signoff-fixtures';
import { openTestCore, tempDataDir } from '../support/temp-core';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A core with a clock the test moves forward (the quiet period is measured in days). */
export function openClockedCore(start = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(start);
  const test = openTestCore({
    dataDir: tempDataDir('outpost-closeout'),
    profile: false,
    clock: { now: () => new Date(now).toISOString() },
  });
  return {
    core: test.core,
    dataDir: test.dataDir,
    call: test.call,
    callAsync: test.callAsync,
    advanceDays(days: number) {
      now += days * DAY_MS;
    },
    close: () => test.close(),
  };
}
export type ClockedCore = ReturnType<typeof openClockedCore>;

/** A clocked core closed, with its data directory removed, when the current test finishes. */
export function clockedCoreForTest(start?: string): ClockedCore {
  const c = openClockedCore(start);
  onTestFinished(() => {
    c.close();
    fs.rmSync(c.dataDir, { recursive: true, force: true });
  });
  return c;
}

/**
 * A small deployment as a release manager: a pilot wave and a second wave, three sites (one name
 * with a comma and quotes, one starting with "=" to try a spreadsheet formula), quiet period 14 days.
 */
export function smallDeployment(c: ClockedCore) {
  c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deployment = c.call('deployments.create', { name: 'Branch refresh', version: '2.1', quietPeriodDays: 14 });
  const pilot = c.call('waves.create', { deploymentId: deployment.id, name: 'Pilot' });
  const wave1 = c.call('waves.create', { deploymentId: deployment.id, name: 'Wave 1' });
  const site = (code: string, name: string, waveId: string) =>
    c.call('sites.create', {
      deploymentId: deployment.id,
      waveId,
      code,
      name,
      windowStart: '2026-03-01T08:00:00Z',
      windowEnd: '2026-03-20T18:00:00Z',
    });
  const ams = site('AMS-001', 'Amsterdam "Zuid", floor 2', pilot.id);
  const ber = site('BER-002', 'Berlin Mitte', wave1.id);
  const lis = site('LIS-003', '=HYPERLINK("http://evil")', wave1.id);
  return { deploymentId: deployment.id, pilot, wave1, ams, ber, lis };
}

/** Reviews and signs a sheet (site-complete unless told) with a drawn signature. */
export function sign(c: ClockedCore, input: Partial<ApiInput<'signoff.sign'>> & { siteId?: string | null; deploymentId?: string | null }) {
  const kind = input.kind ?? 'site_complete';
  const subject = { kind, siteId: input.siteId ?? null, deploymentId: input.deploymentId ?? null };
  const { reviewHash } = c.call('signoff.review', subject);
  const full: ApiInput<'signoff.sign'> = {
    ...subject,
    reviewHash,
    decision: 'accepted',
    signerName: kind === 'deployment_milestone' ? 'Rita Release' : 'Ana Owner',
    signerRole: kind === 'deployment_milestone' ? 'Release manager' : 'Site owner',
    signerTimeZone: 'Europe/Amsterdam',
    signaturePngBase64: signaturePng(),
    statementConfirmed: true,
    ...input,
  };
  return c.core.dispatch('signoff.sign', full) as ApiResult<ApiOutput<'signoff.sign'>>;
}

/** A short post-deployment review: an accepting milestone needs one (shared/logic/milestone-review-rule.ts). */
export function saveReview(c: ClockedCore, deploymentId: string) {
  return c.call('closeout.saveReview', {
    deploymentId,
    wentWell: 'Pilot on time',
    wentBadly: 'One rollback',
    actionItems: [{ text: 'Pin firmware', owner: 'Nora', due: '2026-04-15' }],
  });
}
