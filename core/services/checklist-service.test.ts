import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../shared/domain/checklist';
import { markDone } from '../../test/support/checklist-done';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

function phase(siteId: string, name: string) {
  return core.call('checklist.get', { siteId }).phases.find((p) => p.phase === name)!;
}

describe('site checklist', () => {
  it('is instantiated from the deployment template with all five phases', () => {
    const sample = openSampleCore();
    core = sample.core;
    const view = core.call('checklist.get', { siteId: sample.site.id });
    expect(view.phases.map((p) => p.phase)).toEqual(['before', 'during', 'after', 'handover', 'rollback']);
    // 21 items; the three hand-over items count like the others, the three rollback items only once the site is rolled back.
    expect(view.progress).toEqual({ done: 0, total: 18 });
    expect(view.phases.reduce((n, p) => n + p.items.length, 0)).toBe(21);
    expect(view.phases[3]!.items.map((i) => i.title)).toEqual([
      'Deliver the documentation',
      'Hand over the passwords in a sealed envelope',
      'Hand over the support contacts',
    ]);
    const during = view.phases[1]!.items;
    const mount = during.find((i) => i.title.startsWith('Mount firewall'))!;
    const reconcile = view.phases[0]!.items[0]!;
    expect(mount.dependsOn).toBe(reconcile.id);
  });

  it('records who and when on every state change, and clears it on reopen', () => {
    const sample = openSampleCore();
    core = sample.core;
    const item = phase(sample.site.id, 'before').items[0]!;
    const done = core.call('checklist.setItemState', { itemId: item.id, state: 'done', note: 'All 41 scanned' });
    expect(done).toMatchObject({ state: 'done', stateBy: 'Test Technician', note: 'All 41 scanned' });
    expect(done.stateAt).not.toBeNull();
    const reopened = core.call('checklist.setItemState', { itemId: item.id, state: 'todo' });
    expect(reopened).toMatchObject({ state: 'todo', stateBy: null, stateAt: null });
  });

  it('requires a note for failed and not applicable, and refuses done before the dependency', () => {
    const sample = openSampleCore();
    core = sample.core;
    const mount = phase(sample.site.id, 'during').items[0]!;
    expect(core.dispatch('checklist.setItemState', { itemId: mount.id, state: 'failed' })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
    expect(core.dispatch('checklist.setItemState', { itemId: mount.id, state: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('must be done first') },
    });
    expect(phase(sample.site.id, 'during').items[0]!.state).toBe('todo');
  });

  it('cannot complete a phase while a required item is open, and locks it once completed', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const refused = core.dispatch('checklist.completePhase', { siteId, phase: 'before' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('5 required item(s) still open') },
    });
    const items: ChecklistItem[] = phase(siteId, 'before').items;
    for (const item of items.filter((i) => i.required)) markDone(core, item);
    const completed = core.call('checklist.completePhase', { siteId, phase: 'before' });
    expect(completed).toMatchObject({ phase: 'before', completedBy: 'Test Technician', openRequired: 0 });
    const optional = items.find((i) => !i.required)!;
    expect(core.dispatch('checklist.setItemState', { itemId: optional.id, state: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
  });

  it('reopening a prerequisite reopens its done dependents and records it in the activity log', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const reconcile = phase(siteId, 'before').items[0]!;
    const mount = phase(siteId, 'during').items.find((i) => i.dependsOn === reconcile.id)!;
    markDone(core, reconcile, 'All scanned');
    markDone(core, mount, 'Rack 2');
    core.call('checklist.setItemState', { itemId: reconcile.id, state: 'todo' });
    const after = phase(siteId, 'during').items.find((i) => i.id === mount.id)!;
    expect(after).toMatchObject({ state: 'todo', stateBy: null, stateAt: null });
    const sqlite = new Database(path.join(core.dataDir, 'outpost.db'), { readonly: true });
    const rows = sqlite
      .prepare("SELECT entity_id AS id, detail FROM activity WHERE action = 'state_changed' ORDER BY rowid DESC LIMIT 2")
      .all() as { id: string; detail: string }[];
    sqlite.close();
    expect(rows.map((r) => r.id)).toEqual([mount.id, reconcile.id]);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ from: 'done', to: 'todo', reopenedWith: reconcile.id });
    expect(JSON.parse(rows[1]!.detail)).toMatchObject({ from: 'done', to: 'todo', reopenedDependents: [mount.id] });
  });
});
