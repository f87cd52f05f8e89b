import { describe, expect, it } from 'vitest';
import { draftKey, isString, readDraft, writeDraft } from './drafts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('drafts kept per site', () => {
  it('keys drafts by kind, site and subject', () => {
    expect(draftKey('issue', 'S1')).toBe('outpost.draft.issue.S1');
    expect(draftKey('note', 'S1', 'item-7')).toBe('outpost.draft.note.S1.item-7');
    expect(draftKey('issue', 'S1')).not.toBe(draftKey('issue', 'S2'));
  });

  it('reads back what was written, forgets a discarded draft, and ignores a damaged one', () => {
    const storage = memoryStorage();
    writeDraft('k', 'Till printer jams', storage);
    expect(readDraft('k', isString, storage)).toBe('Till printer jams');
    writeDraft('k', null, storage);
    expect(readDraft('k', isString, storage)).toBeNull();
    storage.setItem('k', '{not json');
    expect(readDraft('k', isString, storage)).toBeNull();
    storage.setItem('k', '42');
    expect(readDraft('k', isString, storage)).toBeNull();
    expect(readDraft('k', isString, null)).toBeNull();
  });
});
