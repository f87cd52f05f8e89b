import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { phaseCounts, phaseCountsSql } from '../../shared/logic/checklist-progress';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('checklist progress leaves out the rollback phase unless the site is rolled back', () => {
  it('says the same in TypeScript and SQL', () => {
    const db = new Database(':memory:');
    for (const phase of ['before', 'during', 'after', 'rollback'] as const) {
      for (const status of ['planned', 'in_progress', 'signed_off', 'rolled_back'] as const) {
        const expected = phase !== 'rollback' || status === 'rolled_back';
        expect(phaseCounts(phase, status)).toBe(expected);
        const row = db
          .prepare(`SELECT ${phaseCountsSql('c', 's.status')} AS counted FROM (SELECT ? AS phase) c, (SELECT ? AS status) s`)
          .get(phase, status) as { counted: number };
        expect(row.counted === 1).toBe(expected);
      }
    }
    db.close();
  });

  it('counts "x of n" and "required open" without the rollback phase, and with it once the site is rolled back', () => {
    const opened = openSampleCore();
    core = opened.core;
    const { site } = opened;
    const checklist = core.call('checklist.get', { siteId: site.id });
    const rollback = checklist.phases.find((p) => p.phase === 'rollback')!;
    const all = checklist.phases.reduce((n, p) => n + p.items.length, 0);
    expect(rollback.items.length).toBe(3);
    expect(checklist.progress).toEqual({ done: 0, total: all - 3 });
    expect(rollback.openRequired).toBe(0);
    expect(core.call('sites.list', { deploymentId: opened.deploymentId }).find((s) => s.id === site.id)!.checklist).toEqual({
      done: 0,
      total: all - 3,
    });

    core.call('sites.rollback', { siteId: site.id, reason: 'POS crashes at open' });
    const rolled = core.call('checklist.get', { siteId: site.id });
    expect(rolled.progress.total).toBe(all);
    expect(rolled.phases.find((p) => p.phase === 'rollback')!.openRequired).toBe(3);
    expect(core.call('sites.list', { deploymentId: opened.deploymentId }).find((s) => s.id === site.id)!.checklist.total).toBe(all);
  });
});
