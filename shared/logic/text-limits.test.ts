import { describe, expect, it } from 'vitest';
import { checklistMethods } from '../contract/checklist-methods';
import { NOTE_MAX_LENGTH, textTooLong } from './text-limits';

describe('text limits', () => {
  it('refuses a text over the limit, saying by how much, and accepts one at the limit', () => {
    expect(textTooLong('x'.repeat(NOTE_MAX_LENGTH))).toBeNull();
    expect(textTooLong(` ${'x'.repeat(NOTE_MAX_LENGTH)} `)).toBeNull();
    expect(textTooLong('x'.repeat(5000))).toBe('At most 4,000 characters: this text has 5,000. Shorten it by 1,000; nothing is cut off.');
  });

  it('the contract refuses a 5,000-character note with the same message instead of storing part of it', () => {
    const input = checklistMethods['checklist.setItemState'].input;
    const refused = input.safeParse({ itemId: 'item-1', state: 'failed', note: 'y'.repeat(5000) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(textTooLong('y'.repeat(5000)));
    const kept = input.parse({ itemId: 'item-1', state: 'failed', note: 'y'.repeat(4000) });
    expect(kept.note).toHaveLength(4000);
  });
});
