import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../../shared/time/wall-time';
import { clockedCoreForTest, sign, type ClockedCore } from './closeout-fixture';

let c: ClockedCore | undefined;

/**
 * Three sites in three zones around the autumn DST change (25 Oct 2026, 03:00 CEST → 02:00 CET):
 * - AMS-001 (pilot, Europe/Amsterdam): outage 24 Oct 23:45 CEST (21:45Z) → 25 Oct 03:15 CET (02:15Z) = 270 min;
 *   the site is signed off at 25 Oct 00:00Z, so 135 min before sign-off and 135 in the quiet period.
 * - BER-002 (wave 1, Europe/Berlin): outage across midnight, 25 Oct 23:10 CET (22:10Z) → 26 Oct 00:40 (23:40Z) = 90 min,
 *   and 30 min of degraded service (not downtime).
 * - LIS-003 (wave 1, Europe/Lisbon): outage open since 26 Oct 09:00 WET (09:00Z); the figures are taken at 12:00Z: 180 min.
 * Totals by hand: 540 min (405 before sign-off, 135 in the quiet period, 0 after); pilot 270, wave 1 270;
 * MTTR over the two ended outages (270 + 90) / 2 = 180 min; longest: AMS 270, LIS 180 (open), BER 90.
 */
function deploymentWithOutages(core: ClockedCore) {
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deployment = core.call('deployments.create', { name: 'Till refresh', version: '3.0', quietPeriodDays: 14 });
  const pilot = core.call('waves.create', { deploymentId: deployment.id, name: 'Pilot' });
  const wave1 = core.call('waves.create', { deploymentId: deployment.id, name: 'Wave 1' });
  const pos = core.call('components.create', { deploymentId: deployment.id, name: 'POS software', kind: 'software', targetVersion: '3.0' });
  const site = (code: string, timeZone: string, waveId: string) =>
    core.call('sites.create', { deploymentId: deployment.id, waveId, code, name: `Store ${code}`, timeZone });
  const ams = site('AMS-001', 'Europe/Amsterdam', pilot.id);
  const ber = site('BER-002', 'Europe/Berlin', wave1.id);
  const lis = site('LIS-003', 'Europe/Lisbon', wave1.id);
  const outage = (
    siteId: string,
    zone: string,
    start: string,
    end: string | null,
    impact: 'outage' | 'degraded' = 'outage',
    usersAffected: number | null = 8,
  ) => {
    const issue = core.call('issues.create', { siteId, title: `Tills down at ${start}`, severity: 'critical', category: 'software' });
    core.call('issues.setImpact', {
      issueId: issue.id,
      impact,
      componentId: pos.id,
      startedAt: wallTimeToIso(start, zone),
      endedAt: end ? wallTimeToIso(end, zone) : null,
      usersAffected,
    });
    return issue;
  };
  outage(ams.id, 'Europe/Amsterdam', '2026-10-24T23:45', '2026-10-25T03:15');
  core.advanceDays(0.5); // 25 Oct 00:00Z: AMS is signed off
  expect(sign(core, { siteId: ams.id })).toMatchObject({ ok: true });
  outage(ber.id, 'Europe/Berlin', '2026-10-25T23:10', '2026-10-26T00:40');
  outage(ber.id, 'Europe/Berlin', '2026-10-26T08:00', '2026-10-26T08:30', 'degraded');
  const open = outage(lis.id, 'Europe/Lisbon', '2026-10-26T09:00', null, 'outage', null);
  core.advanceDays(1.5); // 26 Oct 12:00Z
  return { deploymentId: deployment.id, ams, ber, lis, open };
}

describe('downtime on the dashboard and in the close-out report', () => {
  it('dashboard: minutes per site and wave around sign-off and the quiet period, MTTR and the longest outages match the hand computation', () => {
    c = clockedCoreForTest('2026-10-24T12:00:00.000Z');
    const d = deploymentWithOutages(c);
    const { downtime, waves } = c.call('dashboard.get', { deploymentId: d.deploymentId });
    expect(downtime).toMatchObject({ outages: 3, openOutages: 1, degradedMinutes: 30, mttrMinutes: 180 });
    expect(downtime.minutes).toEqual({ total: 540, beforeSignOff: 405, quietPeriod: 135, afterQuietPeriod: 0 });
    const bySite = Object.fromEntries(downtime.bySite.map((s) => [s.siteId, [s.total, s.beforeSignOff, s.quietPeriod, s.openOutages]]));
    expect(bySite).toEqual({ [d.ams.id]: [270, 135, 135, 0], [d.ber.id]: [90, 90, 0, 0], [d.lis.id]: [180, 180, 0, 1] });
    const waveName = new Map(waves.map((w) => [w.waveId, w.name]));
    expect(downtime.byWave.map((w) => [waveName.get(w.waveId), w.outages, w.total, w.beforeSignOff, w.quietPeriod])).toEqual([
      ['Pilot', 1, 270, 135, 135],
      ['Wave 1', 2, 270, 270, 0],
    ]);
    expect(downtime.longest.map((o) => [o.siteCode, o.minutes, o.endedAt === null])).toEqual([
      ['AMS-001', 270, false],
      ['LIS-003', 180, true],
      ['BER-002', 90, false],
    ]);
  });

  it('an open outage blocks "accepted" at its site, named in the refusal', () => {
    c = clockedCoreForTest('2026-10-24T12:00:00.000Z');
    const d = deploymentWithOutages(c);
    const refused = sign(c, { siteId: d.lis.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain(
      `Outage: POS software down since 26 Oct 2026, 09:00 (Europe/Lisbon), no end recorded (issue #${d.open.number}`,
    );
  });

  it('close-out CSV and PDF carry the downtime section (CSV parsed back, PDF read back with pdftotext)', async () => {
    c = clockedCoreForTest('2026-10-24T12:00:00.000Z');
    const d = deploymentWithOutages(c);
    const csv = c.call('closeout.exportCsv', { deploymentId: d.deploymentId });
    const rows = Papa.parse<string[]>(Buffer.from(csv.base64, 'base64').subarray(3).toString('utf8'), { skipEmptyLines: true }).data;
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect([value('Outages'), value('Outages still open'), value('MTTR minutes'), value('Degraded service minutes')]).toEqual([
      '3',
      '1',
      '180',
      '30',
    ]);
    const block = (header: string) => {
      const at = rows.findIndex((r) => r[0] === header);
      expect(at).toBeGreaterThan(0);
      const out: string[][] = [];
      for (let i = at + 1; i < rows.length && rows[i]!.some((cell) => cell !== ''); i++) out.push(rows[i]!.slice(0, 7));
      return out;
    };
    expect(block('Downtime wave').map((r) => r.slice(0, 6))).toEqual([
      ['Pilot', '1', '270', '135', '135', '0'],
      ['Wave 1', '2', '270', '270', '0', '0'],
      ['Total', '3', '540', '405', '135', '0'],
    ]);
    expect(block('Downtime site').map((r) => r.slice(0, 3))).toEqual([
      ['AMS-001', '1', '270'],
      ['BER-002', '1', '90'],
      ['LIS-003', '1', '180'],
    ]);
    expect(block('Longest outage')[0]).toEqual([
      'AMS-001 #1',
      'Tills down at 2026-10-24T23:45',
      'POS software',
      '24 Oct 2026, 23:45 (Europe/Amsterdam)',
      '25 Oct 2026, 03:15 (Europe/Amsterdam)',
      '270',
      '8',
    ]);
    expect(block('Longest outage')[1]!.slice(4, 7)).toEqual(['still open', '180', '']);

    const file = await c.callAsync('closeout.exportPdf', { deploymentId: d.deploymentId });
    const pdfPath = path.join(c.dataDir, file.fileName);
    fs.writeFileSync(pdfPath, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const section = text.slice(text.indexOf('Downtime\n'));
    expect(section).toContain('3 recorded, 1 still open');
    expect(section).toMatch(/MTTR\s+180 min/);
    expect(section).toMatch(/Pilot\s+1\s+270\s+135\s+135\s+0/);
    expect(section).toMatch(/Wave 1\s+2\s+270\s+270\s+0\s+0/);
    expect(section).toMatch(/Total\s+3\s+540\s+405\s+135\s+0/);
    expect(section).toContain('Longest outages');
    expect(section).toMatch(/AMS-001 #1[\s\S]*24 Oct 2026, 23:45[\s\S]*270/);
    expect(section).toContain('still open');
  });
});
