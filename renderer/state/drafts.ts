import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Half-typed forms (an issue, a checklist note, sign-off remarks, a comment) kept on this device,
 * per site, until they are submitted or discarded: a reload or a closed dialog does not lose them.
 * Stored in localStorage under `outpost.draft.<kind>.<siteId>[.<subject>]`.
 */
export type DraftKind = 'issue' | 'note' | 'remark' | 'comment';

const PREFIX = 'outpost.draft.';

export function draftKey(kind: DraftKind, siteId: string, subject?: string): string {
  return `${PREFIX}${kind}.${siteId}${subject ? `.${subject}` : ''}`;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: drafts simply are not kept
  }
}

/** The stored draft, or null when there is none or it no longer has the expected shape. */
export function readDraft<T>(key: string, isDraft: (value: unknown) => value is T, storage = defaultStorage()): T | null {
  const raw = storage?.getItem(key);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps a draft; an empty one (null) is removed. */
export function writeDraft(key: string, value: unknown, storage = defaultStorage()): void {
  if (!storage) return;
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded: the form keeps working, only the copy on disk is missing.
  }
}

export const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * A text field whose value is kept as a draft under `key` (null: not kept). `discard` empties it
 * and forgets the draft (after a submit, or when the person discards it).
 */
export function useTextDraft(key: string | null): [string, (text: string) => void, () => void] {
  const [text, setText] = useState(() => (key ? (readDraft(key, isString) ?? '') : ''));
  const keyRef = useRef(key);
  useEffect(() => {
    if (keyRef.current === key) return;
    keyRef.current = key;
    setText(key ? (readDraft(key, isString) ?? '') : '');
  }, [key]);
  const update = useCallback(
    (next: string) => {
      setText(next);
      if (key) writeDraft(key, next.trim() === '' ? null : next);
    },
    [key],
  );
  const discard = useCallback(() => {
    setText('');
    if (key) writeDraft(key, null);
  }, [key]);
  return [text, update, discard];
}
