import { describe, expect, it } from 'vitest';
import { changeSummary, entityLabel } from './conflict-labels';

describe('entityLabel', () => {
  it('names known entities and spells out unknown ones', () => {
    expect(entityLabel('checklist_items')).toBe('Checklist item');
    expect(entityLabel('future_things')).toBe('future things');
  });
});

describe('changeSummary', () => {
  it('lists what changed without the bookkeeping columns', () => {
    const data = {
      id: 'x',
      state: 'done',
      state_by: 'Riley Field',
      state_at: '2026-11-24T08:50:24Z',
      updated_at: '2026-11-24T08:50:24Z',
      updated_by: 'Riley Field',
      found_serial_key: 'ABC',
    };
    expect(changeSummary({ kind: 'update', data })).toBe('state: done · state by: Riley Field');
  });
  it('caps long lists and long values', () => {
    const data = { a: '1', b: '2', c: '3', d: '4', note: 'x'.repeat(100) };
    expect(changeSummary({ kind: 'insert', data })).toBe('a: 1 · b: 2 · c: 3 · +2 more');
    expect(changeSummary({ kind: 'update', data: { note: 'x'.repeat(100) } })).toHaveLength(60);
  });
  it('says Removed for a delete', () => {
    expect(changeSummary({ kind: 'delete', data: {} })).toBe('Removed');
  });
});
