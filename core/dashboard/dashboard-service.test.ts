import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { signSite } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

const open: { core: TestCore; db: Database.Database }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.db.close();
    o.core.close();
  }
});

function sample() {
  const opened = openSampleCore();
  const db = new Database(path.join(opened.core.call('app.info', {}).dataDir, 'outpost.db'));
  open.push({ core: opened.core, db });
  const byCode = new Map(opened.sites.map((s) => [s.code, s]));
  return { ...opened, db, site: (code: string) => byCode.get(code)! };
}

function insertRun(
  db: Database.Database,
  id: string,
  siteId: string,
  targetId: string,
  startedAt: string,
  outcome: string,
  fail: number,
  error: number,
) {
  db.prepare(
    `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count)
     VALUES (?, ?, ?, 'target', 'job', ?, ?, 'Tester', ?, 3, ?, ?)`,
  ).run(id, siteId, targetId, startedAt, startedAt, outcome, fail, error);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dashboard.get', () => {
  it('counts sites, sign-offs, rollbacks, issues (quiet period too), checks, inventory and start→sign-off on the sample', async () => {
    const { core, deploymentId, db, site } = sample();
    const ams = site('AMS-001');
    const utr = site('UTR-002');
    const bru = site('BRU-003');

    const before = core.call('dashboard.get', { deploymentId });
    expect(before.totals).toMatchObject({ sites: 6, signedOff: 0, rollbacks: 0, openIssues: 0 });
    expect(before.adherence.upcoming).toBe(6);
    expect(before.sites).toHaveLength(6);
    expect(before.waves.map((w) => [w.name, w.sites])).toEqual([
      ['Pilot', 2],
      ['Wave 1', 4],
    ]);
    const expected = before.inventory.expected;
    expect(expected).toBeGreaterThan(0);
    expect(before.inventory.missing).toBe(expected);

    // AMS-001: a received item (its start), passing checks on two machines (an older failing run is superseded), signed off.
    const item = core.call('inventory.list', { siteId: ams.id, limit: 1 }).items[0]!;
    core.call('inventory.receive', { siteId: ams.id, serial: item.expectedSerial! });
    const machines = core.call('machines.list', { siteId: ams.id });
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    insertRun(db, 'r1', ams.id, machines[0]!.id, ago(3), 'completed', 2, 0);
    insertRun(db, 'r2', ams.id, machines[0]!.id, ago(2), 'completed', 0, 0);
    insertRun(db, 'r3', ams.id, machines[1]!.id, ago(2), 'unreachable', 0, 0);
    await sleep(5);
    signSite(core, ams.id, { decision: 'accepted_with_exceptions' });
    await sleep(5);
    core.call('issues.create', { siteId: ams.id, title: 'Till printer jams', severity: 'medium', category: 'hardware' });

    // UTR-002: a failing check, a blocking high issue, a damaged item.
    const utrMachines = core.call('machines.list', { siteId: utr.id });
    insertRun(db, 'r4', utr.id, utrMachines[0]!.id, '2026-01-03T00:00:00.000Z', 'completed', 1, 0);
    insertRun(db, 'r5', utr.id, utrMachines[1]!.id, '2026-01-03T00:00:00.000Z', 'completed', 0, 2);
    core.call('issues.create', { siteId: utr.id, title: 'Uplink down', severity: 'high', category: 'network', blocksSignOff: true });
    const utrItem = core.call('inventory.list', { siteId: utr.id, limit: 1 }).items[0]!;
    core.call('inventory.setState', { itemId: utrItem.id, state: 'damaged', note: 'Cracked case' });

    // BRU-003: rolled back.
    core.call('sites.rollback', { siteId: bru.id, reason: 'POS software crashed' });

    const d = core.call('dashboard.get', { deploymentId });
    expect(d.totals).toMatchObject({
      sites: 6,
      signedOff: 1,
      successful: 1,
      rolledBackSites: 1,
      rollbacks: 1,
      openIssues: 2,
      openBlockingIssues: 1,
    });
    // Signed today, a week or more before its window opens: early, not on time.
    expect(d.adherence).toMatchObject({ early: 1, onTime: 0, upcoming: 5, late: 0, overdue: 0 });
    // High: UTR's blocking issue, and the sample's resolved incident with downtime at LIL-006.
    expect(d.issues.bySeverity.find((s) => s.severity === 'high')).toEqual({ severity: 'high', total: 2, open: 1, openBlocking: 1 });
    expect(d.issues.byCategory.find((c) => c.category === 'hardware')).toEqual({ category: 'hardware', total: 1, open: 1 });
    expect(d.issues.quietPeriod).toEqual({ total: 1, bySeverity: { critical: 0, high: 0, medium: 1, low: 0 } });
    // Latest run per target: AMS pass + error (unreachable), UTR fail + error (completed with errors).
    expect(d.checks).toMatchObject({ pass: 1, fail: 1, error: 2 });
    expect(d.checks.targets).toBe(6 * 4);
    expect(d.inventory).toMatchObject({ received: 2, damaged: 1, missing: expected - 2, surplus: 0, stillExpectedPastWindow: 0 });
    expect(d.startToSignOff.measured).toBe(1);
    expect(d.startToSignOff.medianHours).toBeGreaterThanOrEqual(2.9);
    expect(d.startToSignOff.medianHours).toBeLessThan(3.1);
    expect(d.startToSignOff.buckets[0]!.count).toBe(1);

    const pilot = d.waves.find((w) => w.name === 'Pilot')!;
    expect(pilot.byStatus.signed_off).toBe(1);
    expect(pilot.checks).toMatchObject({ pass: 1, fail: 1, error: 2, targets: 8 });
    expect(d.waves.find((w) => w.name === 'Wave 1')!.byStatus.rolled_back).toBe(1);

    const amsRow = d.sites.find((s) => s.code === 'AMS-001')!;
    expect(amsRow).toMatchObject({
      status: 'signed_off',
      adherence: 'early',
      checksPass: 1,
      checksChecked: 2,
      checksTotal: 4,
      waveName: 'Pilot',
    });
    expect(amsRow.openIssues.medium).toBe(1);
    expect(amsRow.signedOffAt).not.toBeNull();
    expect(amsRow.startedAt).not.toBeNull();
    const utrRow = d.sites.find((s) => s.code === 'UTR-002')!;
    expect(utrRow).toMatchObject({ openBlocking: 1, checksPass: 0, checksChecked: 2, checksTotal: 4 });
    expect(utrRow.discrepancies).toBeGreaterThan(0);
    expect(d.sites.find((s) => s.code === 'BRU-003')).toMatchObject({ status: 'rolled_back', rollbacks: 1, signedOffAt: null });
  });

  it('classifies windows: overdue and late', () => {
    const { core, deploymentId, db, site } = sample();
    const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    db.prepare('UPDATE sites SET window_start = ?, window_end = ? WHERE id = ?').run(past(3), past(2), site('LIL-006').id);
    db.prepare('UPDATE sites SET window_start = ?, window_end = ? WHERE id = ?').run(past(3), past(2), site('UTR-002').id);
    signSite(core, site('UTR-002').id, { decision: 'accepted_with_exceptions' });
    const d = core.call('dashboard.get', { deploymentId });
    expect(d.sites.find((s) => s.code === 'LIL-006')!.adherence).toBe('overdue');
    expect(d.sites.find((s) => s.code === 'UTR-002')!.adherence).toBe('late');
    expect(d.inventory.stillExpectedPastWindow).toBeGreaterThan(0);
  });

  it('refuses an unknown deployment', () => {
    const { core } = sample();
    expect(core.dispatch('dashboard.get', { deploymentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('waves.decide', () => {
  it('is for release managers, needs a note for no-go, keeps the figures of earlier waves and lists decisions per wave', () => {
    const { core, deploymentId, db } = sample();
    const waves = core.call('deployments.get', { deploymentId }).waves;
    const wave1 = waves.find((w) => w.name === 'Wave 1')!;
    expect(core.dispatch('waves.decide', { waveId: wave1.id, decision: 'go' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    expect(core.dispatch('waves.decide', { waveId: wave1.id, decision: 'no_go', note: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('waves.decide', { waveId: 'missing', decision: 'go' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const noGo = core.call('waves.decide', { waveId: wave1.id, decision: 'no_go', note: 'Pilot not signed yet' });
    expect(noGo.figures).toMatchObject({ basedOn: ['Pilot'], sites: 2, signedOff: 0 });
    const go = core.call('waves.decide', { waveId: wave1.id, decision: 'go', note: 'Pilot accepted' });
    expect(go).toMatchObject({ decision: 'go', note: 'Pilot accepted', decidedBy: 'Rita Manager' });

    const d = core.call('dashboard.get', { deploymentId });
    const listed = d.waves.find((w) => w.waveId === wave1.id)!.decisions;
    expect(listed.map((x) => x.decision)).toEqual(['go', 'no_go']);
    expect(listed[1]!.note).toBe('Pilot not signed yet');
    expect(d.waves.find((w) => w.name === 'Pilot')!.decisions).toEqual([]);
    expect(() => db.prepare("UPDATE wave_decisions SET note = 'changed'").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) AS n FROM activity WHERE entity = 'wave' AND action = 'decided'").get()).toEqual({ n: 2 });
  });
});
