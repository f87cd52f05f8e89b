import { describe, expect, it } from 'vitest';
import { checkItemTransition, checkPhaseCompletion, checklistProgress, isOpenRequired } from './checklist-rules';

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

  it('names the open required items that block a phase', () => {
    const verdict = checkPhaseCompletion([
      { title: 'A', required: true, state: 'done' },
      { title: 'B', required: true, state: 'todo' },
      { title: 'C', required: false, state: 'todo' },
    ]);
    expect(verdict).toEqual({ allowed: false, reason: '1 required item(s) still open: "B"' });
    expect(checklistProgress([{ state: 'done' }, { state: 'not_applicable' }, { state: 'todo' }])).toEqual({ done: 2, total: 3 });
  });
});
