import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { markDone } from '../../test/support/checklist-done';
import { signaturePng } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

interface RunSeed {
  id: string;
  siteId: string;
  finishedAt?: string | null;
  outcome?: string;
  pass?: number;
  fail?: number;
  error?: number;
}

/** Stores check runs straight into the core's SQLite file (what a finished check job writes). */
function insertRuns(file: string, runs: readonly RunSeed[]): void {
  const sqlite = new Database(file);
  const insert = sqlite.prepare(
    `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count)
     VALUES (?, ?, NULL, 'pos-01', 'job', '2026-11-20T10:00:00.000Z', ?, 'Tester', ?, ?, ?, ?)`,
  );
  for (const r of runs) {
    insert.run(
      r.id,
      r.siteId,
      r.finishedAt === undefined ? '2026-11-20T10:01:00.000Z' : r.finishedAt,
      r.outcome ?? 'completed',
      r.pass ?? 5,
      r.fail ?? 0,
      r.error ?? 0,
    );
  }
  sqlite.close();
}

function sample() {
  const opened = openSampleCore();
  core = opened.core;
  const c = opened.core;
  const siteId = opened.site.id;
  const item = (title: string) =>
    c
      .call('checklist.get', { siteId })
      .phases.flatMap((p) => p.items)
      .find((i) => i.title.startsWith(title))!;
  return { core: c, siteId, otherSiteId: opened.sites[1]!.id, item };
}

describe('check runs as checklist evidence', () => {
  it('links a finished run of the site; get lists it; linking it again changes nothing', () => {
    const { core, siteId, item } = sample();
    insertRuns(core.databaseFile, [{ id: 'run-ok', siteId, pass: 7 }]);
    const verify = item('Verify target machines');
    expect(verify.evidence).toBe('check_run');
    expect(verify.evidenceRuns).toEqual([]);
    const linked = core.call('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-ok' });
    const expected = {
      runId: 'run-ok',
      targetName: 'pos-01',
      finishedAt: '2026-11-20T10:01:00.000Z',
      outcome: 'completed',
      pass: 7,
      fail: 0,
      error: 0,
    };
    expect(linked.evidenceRuns).toEqual([expected]);
    expect(core.call('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-ok' }).evidenceRuns).toEqual([expected]);
    expect(item('Verify target machines').evidenceRuns).toEqual([expected]);
    const sqlite = new Database(core.databaseFile);
    expect(sqlite.prepare("SELECT count(*) AS n FROM activity WHERE action = 'evidence_linked' AND entity_id = ?").get(verify.id)).toEqual({
      n: 1,
    });
    expect(() => sqlite.prepare('DELETE FROM checklist_item_evidence').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE checklist_item_evidence SET ref_id = 'x'").run()).toThrow(/append-only/);
    sqlite.close();
  });

  it("refuses another site's run, an unfinished run and an unknown run", () => {
    const { core, siteId, otherSiteId, item } = sample();
    insertRuns(core.databaseFile, [
      { id: 'run-other', siteId: otherSiteId },
      { id: 'run-open', siteId, finishedAt: null },
    ]);
    const verify = item('Verify target machines');
    expect(core.dispatch('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-other' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('another site') },
    });
    expect(core.dispatch('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-open' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('not finished') },
    });
    expect(core.dispatch('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(item('Verify target machines').evidenceRuns).toEqual([]);
  });

  it("refuses to link once the item's phase is completed", () => {
    const { core, siteId } = sample();
    insertRuns(core.databaseFile, [{ id: 'run-ok', siteId }]);
    const before = core.call('checklist.get', { siteId }).phases.find((p) => p.phase === 'before')!;
    for (const i of before.items.filter((x) => x.required)) markDone(core, i);
    core.call('checklist.completePhase', { siteId, phase: 'before' });
    expect(core.dispatch('checklist.linkCheckRun', { itemId: before.items[0]!.id, runId: 'run-ok' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('already completed') },
    });
  });

  it('refuses done on a check_run item until a run that passed completely is linked', () => {
    const { core, siteId, item } = sample();
    insertRuns(core.databaseFile, [
      { id: 'run-fail', siteId, fail: 2 },
      { id: 'run-error', siteId, error: 1 },
      { id: 'run-unreachable', siteId, outcome: 'unreachable', pass: 0 },
      { id: 'run-ok', siteId },
    ]);
    const verifyId = item('Verify target machines').id;
    const refusal = { ok: false, error: { code: 'rule', message: expect.stringContaining('A passing check run must be linked') } };
    expect(core.dispatch('checklist.setItemState', { itemId: verifyId, state: 'done' })).toMatchObject(refusal);
    for (const runId of ['run-fail', 'run-error', 'run-unreachable']) {
      core.call('checklist.linkCheckRun', { itemId: verifyId, runId });
      expect(core.dispatch('checklist.setItemState', { itemId: verifyId, state: 'done' })).toMatchObject(refusal);
    }
    expect(item('Verify target machines').state).toBe('todo');
    core.call('checklist.linkCheckRun', { itemId: verifyId, runId: 'run-ok' });
    expect(core.call('checklist.setItemState', { itemId: verifyId, state: 'done' })).toMatchObject({
      state: 'done',
      evidenceRuns: expect.arrayContaining([expect.objectContaining({ runId: 'run-ok' })]),
    });
    // Items without evidence are not affected.
    const plain = core
      .call('checklist.get', { siteId })
      .phases.flatMap((p) => p.items)
      .find((i) => i.evidence === 'none' && !i.dependsOn)!;
    expect(core.call('checklist.setItemState', { itemId: plain.id, state: 'done' }).state).toBe('done');
  });

  it('refuses done on a note item without a note and on a photo item until a photo is attached', () => {
    const { core, siteId } = sample();
    const items = core.call('checklist.get', { siteId }).phases.flatMap((p) => p.items);
    const noteItem = items.find((i) => i.evidence === 'note' && !i.dependsOn)!;
    const photoItem = items.find((i) => i.evidence === 'photo' && !i.dependsOn)!;
    expect(core.dispatch('checklist.setItemState', { itemId: noteItem.id, state: 'done', note: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('needs a note') },
    });
    expect(core.call('checklist.setItemState', { itemId: noteItem.id, state: 'done', note: 'All 41 scanned' })).toMatchObject({
      state: 'done',
      note: 'All 41 scanned',
    });
    expect(core.dispatch('checklist.setItemState', { itemId: photoItem.id, state: 'done', note: 'UPS fine' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('A photo must be attached') },
    });
    expect(core.dispatch('checklist.attachPhoto', { itemId: photoItem.id, sha256: 'a'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const photo = core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(5, 60, 30) });
    core.call('checklist.attachPhoto', { itemId: photoItem.id, sha256: photo.sha256 });
    const again = core.call('checklist.attachPhoto', { itemId: photoItem.id, sha256: photo.sha256 });
    expect(again.evidencePhotos).toEqual([expect.objectContaining({ sha256: photo.sha256, linkedBy: 'Test Technician' })]);
    expect(core.call('checklist.setItemState', { itemId: photoItem.id, state: 'done' })).toMatchObject({
      state: 'done',
      evidencePhotos: [expect.objectContaining({ sha256: photo.sha256 })],
    });
    // The site report lists the photo among its attachments, with the item it is evidence for.
    const report = core.call('siteReports.get', { siteId });
    expect(report.attachments).toContainEqual(
      expect.objectContaining({ sha256: photo.sha256, usedBy: [`Evidence for checklist item “${photoItem.title}”`], intact: true }),
    );
  });
});
