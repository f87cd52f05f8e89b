import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod } from '../../shared/contract';
import { isoToWallTime, wallTimeToIso } from '../../shared/time/wall-time';
import { clockedCoreForTest, type ClockedCore } from './closeout-fixture';

const AMS = 'Europe/Amsterdam';
const at = (wall: string) => wallTimeToIso(wall, AMS)!;

function readDb<T>(c: ClockedCore, sql: string, ...params: unknown[]): T[] {
  const db = new Database(`${c.dataDir}/outpost.db`, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function refusal<M extends ApiMethod>(c: ClockedCore, method: M, input: ApiInput<M>) {
  const result = c.core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error;
}

/** 50 sites in Wave 1 (windows the day before the spring DST change), a second wave, another deployment. */
function fiftySites(c: ClockedCore) {
  c.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const d = c.call('deployments.create', { name: 'Store refresh', version: '3' });
  const wave1 = c.call('waves.create', { deploymentId: d.id, name: 'Wave 1' });
  const wave2 = c.call('waves.create', { deploymentId: d.id, name: 'Wave 2' });
  const sites = Array.from({ length: 50 }, (_, i) =>
    c.call('sites.create', {
      deploymentId: d.id,
      waveId: wave1.id,
      code: `S-${String(i + 1).padStart(3, '0')}`,
      name: `Store ${i + 1}`,
      timeZone: AMS,
      windowStart: at('2026-03-28T09:00'),
      windowEnd: at('2026-03-28T13:30'),
      technicians: i === 0 ? ['Riley Field'] : [],
    }),
  );
  const other = c.call('deployments.create', { name: 'Other rollout' });
  const otherWave = c.call('waves.create', { deploymentId: other.id, name: 'Elsewhere' });
  const otherSite = c.call('sites.create', { deploymentId: other.id, code: 'X-1', name: 'Elsewhere', timeZone: AMS });
  return { d, wave1, wave2, sites, ids: sites.map((s) => s.id), otherWave, otherSite };
}

describe('bulk edit of sites with undo, on a real SQLite file', () => {
  it('assigns two technicians to 50 sites, one transaction each, one activity entry per changed site', () => {
    const c = clockedCoreForTest('2026-03-01T09:00:00.000Z');
    const p = fiftySites(c);
    // As if published: the site writes go to the sync outbox like any site edit.
    const db = new Database(`${c.dataDir}/outpost.db`);
    db.prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'published', ?)").run(p.d.id, '2026-03-01T09:00:00.000Z');
    db.close();
    const riley = c.call('sites.bulkEdit', {
      deploymentId: p.d.id,
      siteIds: p.ids,
      action: { kind: 'assignTechnician', technician: 'Riley Field' },
    });
    expect(riley).toMatchObject({ changed: 49, unchanged: 1, summary: 'Assign Riley Field to 49 sites' });
    c.advanceDays(0.001);
    const sam = c.call('sites.bulkEdit', {
      deploymentId: p.d.id,
      siteIds: p.ids,
      action: { kind: 'assignTechnician', technician: { id: '0190a3c4-0000-7000-8000-000000000001', name: 'Sam Tech' } },
    });
    expect(sam.changed).toBe(50);
    const listed = c.call('sites.list', { deploymentId: p.d.id });
    expect(listed.every((s) => s.technicians.map((t) => t.name).join('|') === 'Riley Field|Sam Tech')).toBe(true);
    const activity = readDb<{ n: number; edit: string }>(
      c,
      "SELECT count(*) AS n, json_extract(detail, '$.bulkEditId') AS edit FROM activity WHERE action = 'bulk_edited' GROUP BY edit ORDER BY min(seq)",
    );
    expect(activity).toEqual([
      { n: 49, edit: riley.editId },
      { n: 50, edit: sam.editId },
    ]);
    const outbox = readDb<{ n: number; technicians: number }>(
      c,
      "SELECT count(*) AS n, sum(json_extract(data, '$.technicians') IS NOT NULL) AS technicians FROM sync_outbox WHERE entity = 'sites' AND kind = 'update'",
    )[0];
    expect(outbox).toEqual({ n: 99, technicians: 99 });
    const row = readDb<{ site_count: number; by: string; summary: string }>(
      c,
      'SELECT site_count, by, summary FROM bulk_edits WHERE id = ?',
      sam.editId,
    )[0];
    expect(row).toEqual({ site_count: 50, by: 'Rita Release', summary: 'Assign Sam Tech to 50 sites' });
  });

  it('shifts windows across the spring DST change keeping the wall time, moves to a wave, sets status; undo restores exactly', () => {
    const c = clockedCoreForTest('2026-03-01T09:00:00.000Z');
    const p = fiftySites(c);
    const first10 = p.ids.slice(0, 10);
    const beforeRows = readDb<Record<string, unknown>>(
      c,
      'SELECT id, technicians, wave_id, window_start, window_end, status FROM sites ORDER BY code',
    );
    const shifted = c.call('sites.bulkEdit', { deploymentId: p.d.id, siteIds: first10, action: { kind: 'shiftWindows', days: 2 } });
    expect(shifted.summary).toBe('Shift the windows of 10 sites by +2 days');
    const site = c.call('sites.get', { siteId: p.ids[0]! });
    // 09:00 CET on the 28th → 09:00 CEST on the 30th: 47 hours later, same wall clock.
    expect(isoToWallTime(site.windowStart, AMS)).toBe('2026-03-30T09:00');
    expect(isoToWallTime(site.windowEnd, AMS)).toBe('2026-03-30T13:30');
    expect(Date.parse(site.windowStart!) - Date.parse(p.sites[0]!.windowStart!)).toBe(47 * 3600_000);

    c.advanceDays(0.01);
    const undone = c.call('sites.undoBulkEdit', { deploymentId: p.d.id });
    expect(undone).toEqual({ editId: shifted.editId, summary: shifted.summary, restored: 10 });
    expect(readDb(c, 'SELECT id, technicians, wave_id, window_start, window_end, status FROM sites ORDER BY code')).toEqual(beforeRows);
    expect(readDb<{ n: number }>(c, "SELECT count(*) AS n FROM activity WHERE action = 'bulk_edit_undone'")[0]!.n).toBe(10);
    expect(c.call('sites.lastBulkEdit', { deploymentId: p.d.id })).toMatchObject({
      editId: shifted.editId,
      undoneAt: '2026-03-01T09:14:24.000Z',
      undoRefusal: expect.stringContaining('already undone'),
    });
    expect(refusal(c, 'sites.undoBulkEdit', { deploymentId: p.d.id }).message).toContain('already undone');

    c.advanceDays(0.01);
    const moved = c.call('sites.bulkEdit', { deploymentId: p.d.id, siteIds: first10, action: { kind: 'moveToWave', waveId: p.wave2.id } });
    expect(moved.summary).toBe('Move 10 sites to Wave 2');
    c.advanceDays(0.01);
    const ready = c.call('sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'setStatus', status: 'ready' } });
    expect(ready.changed).toBe(50);
    c.advanceDays(0.01);
    c.call('sites.undoBulkEdit', { deploymentId: p.d.id });
    expect(c.call('sites.list', { deploymentId: p.d.id }).filter((s) => s.waveId === p.wave2.id && s.status === 'planned')).toHaveLength(
      10,
    );
  });

  it('refuses the whole edit, naming the sites: another deployment, signed off or rolled back, a wave elsewhere; technicians stay editable', () => {
    const c = clockedCoreForTest('2026-03-01T09:00:00.000Z');
    const p = fiftySites(c);
    const before = readDb(c, 'SELECT id, technicians, wave_id, window_start, window_end, status, updated_at FROM sites ORDER BY code');
    expect(
      refusal(c, 'sites.bulkEdit', {
        deploymentId: p.d.id,
        siteIds: [...p.ids, p.otherSite.id],
        action: { kind: 'setStatus', status: 'ready' },
      }).message,
    ).toBe('1 selected site(s) belong to another deployment: X-1');
    expect(
      refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'moveToWave', waveId: p.otherWave.id } })
        .message,
    ).toContain('Wave "Elsewhere" belongs to another deployment');
    c.call('sites.rollback', { siteId: p.ids[3]!, reason: 'Scanner firmware broke the tills' });
    for (const action of [
      { kind: 'shiftWindows', days: -1 },
      { kind: 'moveToWave', waveId: p.wave2.id },
      { kind: 'setStatus', status: 'planned' },
    ] as const) {
      const closed = refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action });
      expect(closed).toMatchObject({
        code: 'rule',
        message: '1 selected site(s) are signed off or rolled back, so their status, wave and window stay as they are: S-004 (rolled back)',
      });
    }
    expect(refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'shiftWindows', days: 0 } }).code).toBe(
      'validation',
    );
    expect(
      refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'setStatus', status: 'deployed' as 'ready' } })
        .code,
    ).toBe('validation');
    // Nothing was written by the refused edits (the rollback changed S-004 only).
    const after = readDb<Record<string, unknown>>(
      c,
      'SELECT id, technicians, wave_id, window_start, window_end, status, updated_at FROM sites ORDER BY code',
    );
    expect(after.filter((_, i) => i !== 3)).toEqual(before.filter((_, i) => i !== 3));
    expect(readDb(c, 'SELECT * FROM bulk_edits')).toEqual([]);
    // A technician may still be added to a rolled-back site.
    expect(
      c.call('sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'removeTechnician', technician: 'riley field' } })
        .changed,
    ).toBe(1);
    // A technician profile may not bulk edit.
    c.call('profile.set', { name: 'Tess Tech', role: 'technician' });
    expect(
      refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'assignTechnician', technician: 'Tess Tech' } })
        .code,
    ).toBe('forbidden');
  });

  it('a signed-off site refuses a plan change but not a technician', () => {
    const c = clockedCoreForTest('2026-03-01T09:00:00.000Z');
    const p = fiftySites(c);
    // Signing needs a whole sign-off; the status alone is what the rule reads.
    const db = new Database(`${c.dataDir}/outpost.db`);
    db.prepare("UPDATE sites SET status = 'signed_off' WHERE id IN (?, ?)").run(p.ids[10], p.ids[20]);
    db.close();
    const error = refusal(c, 'sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'setStatus', status: 'ready' } });
    expect(error.message).toContain('2 selected site(s) are signed off or rolled back');
    expect(error.message).toContain('S-011 (signed off), S-021 (signed off)');
    expect(
      c.call('sites.bulkEdit', {
        deploymentId: p.d.id,
        siteIds: [p.ids[10]!],
        action: { kind: 'assignTechnician', technician: 'Sam Tech' },
      }).changed,
    ).toBe(1);
  });

  it('undo is refused when one of its sites changed since, naming it, and nothing is restored', () => {
    const c = clockedCoreForTest('2026-03-01T09:00:00.000Z');
    const p = fiftySites(c);
    c.call('sites.bulkEdit', { deploymentId: p.d.id, siteIds: p.ids, action: { kind: 'assignTechnician', technician: 'Sam Tech' } });
    // In the same millisecond as the edit: the activity log still tells.
    c.call('sites.update', { siteId: p.ids[7]!, name: 'Store 8, renamed' });
    const last = c.call('sites.lastBulkEdit', { deploymentId: p.d.id });
    expect(last?.undoRefusal).toBe('"Assign Sam Tech to 50 sites" cannot be undone: 1 of its sites changed since (S-008)');
    const error = refusal(c, 'sites.undoBulkEdit', { deploymentId: p.d.id });
    expect(error).toMatchObject({ code: 'rule', message: last?.undoRefusal });
    expect(c.call('sites.list', { deploymentId: p.d.id }).every((s) => s.technicians.some((t) => t.name === 'Sam Tech'))).toBe(true);
    expect(readDb<{ n: number }>(c, "SELECT count(*) AS n FROM activity WHERE action = 'bulk_edit_undone'")[0]!.n).toBe(0);
  });
});
