import { describe, expect, it } from 'vitest';
import {
  checkEvidenceLink,
  checkItemTransition,
  checkPhaseCompletion,
  checklistProgress,
  dependentsToReopen,
  isOpenRequired,
} from './checklist-rules';

describe('checklist rules', () => {
  it('treats required todo and failed items as open, done and n/a as settled', () => {
    expect(isOpenRequired({ required: true, state: 'todo' })).toBe(true);
    expect(isOpenRequired({ required: true, state: 'failed' })).toBe(true);
    expect(isOpenRequired({ required: true, state: 'done' })).toBe(false);
    expect(isOpenRequired({ required: true, state: 'not_applicable' })).toBe(false);
    expect(isOpenRequired({ required: false, state: 'todo' })).toBe(false);
  });

  it('requires a note for failed and not applicable', () => {
    const verdict = checkItemTransition({ title: 'Mount rack' }, 'failed', '  ', null, false);
    expect(verdict).toEqual({ allowed: false, reason: 'Say what failed: a note is required' });
    expect(checkItemTransition({ title: 'Mount rack' }, 'failed', 'rails bent', null, false)).toEqual({ allowed: true });
  });

  it('refuses done while the dependency is open, and any change in a completed phase', () => {
    const dep = { title: 'Power on', state: 'todo' as const };
    expect(checkItemTransition({ title: 'Boot' }, 'done', '', dep, false)).toMatchObject({ allowed: false });
    expect(checkItemTransition({ title: 'Boot' }, 'done', '', { ...dep, state: 'done' }, false)).toEqual({ allowed: true });
    expect(checkItemTransition({ title: 'Boot' }, 'todo', '', null, true)).toMatchObject({ allowed: false });
  });

  it('refuses done on a check_run item until a linked run passed completely (completed, no failures, no errors)', () => {
    const item = { title: 'Verify machines', evidence: 'check_run' as const };
    const failing = { outcome: 'completed' as const, fail: 1, error: 0 };
    const erroring = { outcome: 'completed' as const, fail: 0, error: 2 };
    const unreachable = { outcome: 'unreachable' as const, fail: 0, error: 0 };
    const passing = { outcome: 'completed' as const, fail: 0, error: 0 };
    expect(checkItemTransition({ ...item, evidenceRuns: [] }, 'done', '', null, false)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('A passing check run must be linked'),
    });
    expect(checkItemTransition({ ...item, evidenceRuns: [failing, erroring, unreachable] }, 'done', '', null, false)).toMatchObject({
      allowed: false,
    });
    expect(checkItemTransition({ ...item, evidenceRuns: [failing, passing] }, 'done', '', null, false)).toEqual({ allowed: true });
    expect(checkItemTransition({ ...item, evidenceRuns: [] }, 'not_applicable', 'no machines here', null, false)).toEqual({
      allowed: true,
    });
    expect(checkItemTransition({ title: 'Label cables', evidence: 'none', evidenceRuns: [] }, 'done', '', null, false)).toEqual({
      allowed: true,
    });
  });

  it('requires the evidence an item names before done: a note, a photo', () => {
    expect(checkItemTransition({ title: 'Label cables', evidence: 'note' }, 'done', ' ', null, false)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('needs a note'),
    });
    expect(checkItemTransition({ title: 'Label cables', evidence: 'note' }, 'done', 'Both ends labelled', null, false)).toEqual({
      allowed: true,
    });
    expect(
      checkItemTransition({ title: 'Photograph the rack', evidence: 'photo', evidencePhotos: [] }, 'done', 'ok', null, false),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('A photo must be attached') });
    expect(
      checkItemTransition({ title: 'Photograph the rack', evidence: 'photo', evidencePhotos: [{ sha256: 'x' }] }, 'done', '', null, false),
    ).toEqual({ allowed: true });
    expect(
      checkItemTransition(
        { title: 'Photograph the rack', evidence: 'photo', evidencePhotos: [] },
        'not_applicable',
        'no rack',
        null,
        false,
      ),
    ).toEqual({ allowed: true });
  });

  it('links only finished runs of the same site, and nothing in a completed phase', () => {
    const item = { title: 'Verify machines', siteId: 's1' };
    expect(checkEvidenceLink(item, { siteId: 's1', finishedAt: '2026-11-20T10:00:00.000Z' }, false)).toEqual({ allowed: true });
    expect(checkEvidenceLink(item, { siteId: 's2', finishedAt: '2026-11-20T10:00:00.000Z' }, false)).toMatchObject({ allowed: false });
    expect(checkEvidenceLink(item, { siteId: 's1', finishedAt: null }, false)).toMatchObject({ allowed: false });
    expect(checkEvidenceLink(item, { siteId: 's1', finishedAt: '2026-11-20T10:00:00.000Z' }, true)).toMatchObject({ allowed: false });
  });

  it('names the open required items that block a phase', () => {
    const verdict = checkPhaseCompletion([
      { title: 'A', required: true, state: 'done' },
      { title: 'B', required: true, state: 'todo' },
      { title: 'C', required: false, state: 'todo' },
    ]);
    expect(verdict).toEqual({ allowed: false, reason: '1 required item(s) still open: "B"' });
    expect(checklistProgress([{ state: 'done' }, { state: 'not_applicable' }, { state: 'todo' }])).toEqual({ done: 2, total: 3 });
  });

  it('reopens done dependents, directly and through each other, when a prerequisite stops being settled', () => {
    const items = [
      { id: 'a', dependsOn: null, state: 'done' as const },
      { id: 'b', dependsOn: 'a', state: 'done' as const },
      { id: 'c', dependsOn: 'b', state: 'done' as const },
      { id: 'd', dependsOn: 'a', state: 'not_applicable' as const },
      { id: 'e', dependsOn: 'a', state: 'todo' as const },
    ];
    expect(dependentsToReopen(items, 'a', 'todo').map((i) => i.id)).toEqual(['b', 'c']);
    expect(dependentsToReopen(items, 'a', 'failed').map((i) => i.id)).toEqual(['b', 'c']);
    expect(dependentsToReopen(items, 'a', 'not_applicable')).toEqual([]);
  });
});
