import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wallTimeToIso } from '../../shared/time/wall-time';
import { clockedCoreForTest, type ClockedCore } from './closeout-fixture';

const AMS = 'Europe/Amsterdam';
const NYC = 'America/New_York';
const at = (wall: string, zone: string) => wallTimeToIso(wall, zone)!;

/**
 * Two deployments on one device. Riley works AMS-001 (Rollout A) and UTR-002 (Rollout B) at
 * overlapping times; Wave 1 of Rollout A also holds a site across the spring DST change, one
 * outside the wave, one without a technician or owner contact, and one in New York.
 */
function twoDeployments(c: ClockedCore) {
  c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const a = c.call('deployments.create', { name: 'Rollout A', version: '1', quietPeriodDays: 7 });
  const b = c.call('deployments.create', { name: 'Rollout B', version: '1', quietPeriodDays: 7 });
  // Rollout A's sites get a checklist; Rollout B has no template, so its sites have none.
  c.call('checklistTemplate.saveItem', { deploymentId: a.id, phase: 'before', title: 'Power on racks' });
  const wave = c.call('waves.create', {
    deploymentId: a.id,
    name: 'Wave 1',
    startsAt: at('2026-03-27T00:00', AMS),
    endsAt: at('2026-04-04T00:00', AMS),
  });
  const owner = { ownerName: 'Olive Owner', ownerEmail: 'olive@example.com' };
  const site = (deploymentId: string, code: string, zone: string, start: string, end: string, extra: Record<string, unknown> = {}) =>
    c.call('sites.create', {
      deploymentId,
      waveId: deploymentId === a.id ? wave.id : null,
      code,
      name: `Store ${code}`,
      timeZone: zone,
      windowStart: at(start, zone),
      windowEnd: at(end, zone),
      technicians: ['Riley Field'],
      ...owner,
      ...extra,
    });
  const ams = site(a.id, 'AMS-001', AMS, '2026-03-30T08:00', '2026-03-30T12:00');
  const utr = site(b.id, 'UTR-002', AMS, '2026-03-30T11:00', '2026-03-30T15:00');
  const dst = site(a.id, 'DST-003', AMS, '2026-03-29T01:00', '2026-03-29T05:00');
  const late = site(a.id, 'LATE-004', AMS, '2026-04-05T08:00', '2026-04-05T10:00', { technicians: ['Sam Other'] });
  const bare = site(a.id, 'BARE-005', AMS, '2026-04-01T08:00', '2026-04-01T10:00', { technicians: [], ownerName: '', ownerEmail: '' });
  const nyc = site(a.id, 'NYC-006', NYC, '2026-03-31T09:00', '2026-03-31T11:00');
  return { a, b, wave, ams, utr, dst, late, bare, nyc };
}

describe('schedule on a real SQLite file', () => {
  it("schedule.warnings: a deployment's warnings, with the technician overlap found across deployments", () => {
    const c = clockedCoreForTest('2026-03-20T09:00:00.000Z');
    const d = twoDeployments(c);
    const warnings = c.call('schedule.warnings', { deploymentId: d.a.id });
    expect(warnings.map((w) => `${w.siteCode}:${w.kind}`)).toEqual([
      'AMS-001:technician_overlap',
      'BARE-005:no_technician',
      'BARE-005:no_owner_contact',
      'DST-003:crosses_dst',
      'LATE-004:outside_wave',
    ]);
    const overlap = warnings[0]!;
    expect(overlap).toMatchObject({ siteId: d.ams.id, otherSiteId: d.utr.id, deploymentId: d.a.id });
    for (const part of ['Riley Field', 'AMS-001', 'Rollout A', 'UTR-002', 'Rollout B']) expect(overlap.message).toContain(part);
    expect(warnings[3]!.message).toContain('+01:00 → +02:00 at 2026-03-29 02:00');
    // The other deployment sees the same overlap from its side.
    expect(c.call('schedule.warnings', { deploymentId: d.b.id }).map((w) => [w.siteCode, w.kind, w.otherSiteId])).toEqual([
      ['UTR-002', 'technician_overlap', d.ams.id],
    ]);
  });

  it("schedule.mine: the profile's sites across deployments in window order, past ones hidden unless asked, with offline readiness", () => {
    const c = clockedCoreForTest('2026-03-20T09:00:00.000Z');
    const d = twoDeployments(c);
    // A machine at AMS-001 with a trusted host key and a key file: prepared. One at UTR-002 with neither.
    const m1 = c.call('machines.create', { siteId: d.ams.id, hostName: 'pos01.ams', address: '10.0.0.1' });
    c.call('checks.trustHostKey', { targetId: m1.id, fingerprint: `SHA256:${'A'.repeat(43)}` });
    c.call('checks.setCredential', { targetId: m1.id, kind: 'key', keyPath: '/home/riley/.ssh/id_ed25519', useSudo: false });
    c.call('machines.create', { siteId: d.utr.id, hostName: 'pos01.utr', address: '10.0.1.1' });

    c.call('profile.set', { name: 'Riley Field', role: 'technician' });
    const mine = c.call('schedule.mine', {});
    expect(mine.names).toEqual(['Riley Field']);
    expect(mine.sites.map((s) => `${s.code} ${s.deploymentName}`)).toEqual([
      'DST-003 Rollout A',
      'AMS-001 Rollout A',
      'UTR-002 Rollout B',
      'NYC-006 Rollout A',
    ]);
    expect(mine.pastHidden).toBe(0);
    const byCode = new Map(mine.sites.map((s) => [s.code, s]));
    expect(byCode.get('AMS-001')).toMatchObject({
      prepared: true,
      missing: [],
      machineCount: 1,
      timeZone: AMS,
      windowStart: at('2026-03-30T08:00', AMS),
    });
    expect(byCode.get('UTR-002')!.prepared).toBe(false);
    expect(byCode.get('UTR-002')!.missing.map((m) => m.message)).toEqual([
      'The checklist is not instantiated',
      'No trusted host key for pos01.utr',
      'No sign-in credentials for pos01.utr',
    ]);
    // A site without machines needs only its plan and checklist.
    expect(byCode.get('NYC-006')).toMatchObject({ prepared: true, missing: [], machineCount: 0 });

    // On 1 April every window of Riley's has ended.
    c.advanceDays(12);
    const later = c.call('schedule.mine', {});
    expect(later.sites.map((s) => s.code)).toEqual([]);
    expect(later.pastHidden).toBe(4);
    expect(c.call('schedule.mine', { includePast: true }).sites.map((s) => s.code)).toEqual(['DST-003', 'AMS-001', 'UTR-002', 'NYC-006']);

    c.call('profile.set', { name: 'Sam Other', role: 'technician' });
    expect(c.call('schedule.mine', { includePast: true }).sites.map((s) => s.code)).toEqual(['LATE-004']);
  });

  it('schedule.wavePdf: one row per site by window start, windows in site time with the offset, warnings at the end (read back with pdftotext)', async () => {
    const c = clockedCoreForTest('2026-03-20T09:00:00.000Z');
    const d = twoDeployments(c);
    const file = await c.callAsync('schedule.wavePdf', { waveId: d.wave.id });
    expect(file.fileName).toBe('schedule-Rollout_A-Wave_1-2026-03-20.pdf');
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfPath = path.join(c.dataDir, file.fileName);
    fs.writeFileSync(pdfPath, bytes);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Schedule: Rollout A · Wave 1');
    const codes = ['DST-003', 'AMS-001', 'NYC-006', 'BARE-005', 'LATE-004'];
    const table = text.slice(0, text.indexOf('Schedule warnings'));
    const positions = codes.map((code) => table.indexOf(code));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(table).not.toContain('UTR-002'); // the other deployment's site is only named in the overlap warning
    // Site time, not UTC: 08:00-12:00 in Amsterdam, 09:00-11:00 in New York, and the DST window with both offsets.
    expect(text).toContain('2026-03-30 08:00–12:00 +02:00');
    expect(text).toContain('2026-03-31 09:00–11:00 -04:00');
    expect(text).toContain('2026-03-29 01:00 +01:00 –');
    expect(text).toContain('olive@example.com');
    const warnings = text.slice(text.indexOf('Schedule warnings (5)'));
    expect(warnings).toContain('AMS-001: Riley Field is on');
    expect(warnings).toContain('LATE-004: The window of LATE-004');
  });
});
