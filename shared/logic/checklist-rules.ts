import type { ChecklistItem, EvidenceRun } from '../domain/checklist';
import type { ChecklistItemState, EvidenceKind } from '../domain/enums';

/** A required item is open until it is done or explicitly not applicable. */
export function isOpenRequired(item: Pick<ChecklistItem, 'required' | 'state'>): boolean {
  return item.required && item.state !== 'done' && item.state !== 'not_applicable';
}

export function isSettled(state: ChecklistItemState): boolean {
  return state === 'done' || state === 'not_applicable';
}

/** A run passed completely: it completed with no failed and no errored requirement. */
export function runPassed(run: Pick<EvidenceRun, 'outcome' | 'fail' | 'error'>): boolean {
  return run.outcome === 'completed' && run.fail === 0 && run.error === 0;
}

export type RuleVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether an item may move to `next`, given the item it depends on (if any). */
export function checkItemTransition(
  item: Pick<ChecklistItem, 'title'> & {
    evidence?: EvidenceKind;
    evidenceRuns?: readonly Pick<EvidenceRun, 'outcome' | 'fail' | 'error'>[];
    evidencePhotos?: readonly unknown[];
  },
  next: ChecklistItemState,
  note: string,
  dependency: Pick<ChecklistItem, 'title' | 'state'> | null,
  phaseCompleted: boolean,
): RuleVerdict {
  if (phaseCompleted) {
    return { allowed: false, reason: `The phase of "${item.title}" is already completed` };
  }
  if (next === 'failed' && note.trim() === '') {
    return { allowed: false, reason: 'Say what failed: a note is required' };
  }
  if (next === 'not_applicable' && note.trim() === '') {
    return { allowed: false, reason: 'Say why the item does not apply: a note is required' };
  }
  if (next === 'done' && dependency && !isSettled(dependency.state)) {
    return { allowed: false, reason: `"${dependency.title}" must be done first` };
  }
  if (next === 'done') {
    const missing = missingEvidence(item, note);
    if (missing) return { allowed: false, reason: missing };
  }
  return { allowed: true };
}

/**
 * What an item still needs before it can be done, by the evidence it names: a note ("Evidence:
 * Note"), a linked photo ("Evidence: Photo"), a linked passing check run ("Evidence: Check run");
 * null when nothing is missing. `note` is the note sent with "done".
 */
export function missingEvidence(
  item: Pick<ChecklistItem, 'title'> & {
    evidence?: EvidenceKind;
    evidenceRuns?: readonly Pick<EvidenceRun, 'outcome' | 'fail' | 'error'>[];
    evidencePhotos?: readonly unknown[];
  },
  note: string,
): string | null {
  switch (item.evidence) {
    case 'note':
      return note.trim() === '' ? `"${item.title}" needs a note as evidence: say what was checked` : null;
    case 'photo':
      return (item.evidencePhotos ?? []).length === 0 ? `A photo must be attached before "${item.title}" can be done (Attach photo)` : null;
    case 'check_run':
      return (item.evidenceRuns ?? []).some(runPassed)
        ? null
        : `A passing check run must be linked before "${item.title}" can be done: one that completed with no failures and no errors (Machines tab → open a run → Use as evidence)`;
    default:
      return null;
  }
}

/**
 * The items to reopen when `itemId` stops being settled (reopened or failed): every done item that
 * depends on it, directly or through another item reopened with it, in dependency order. A dependent
 * that is not applicable stays so: it never needed the prerequisite.
 */
export function dependentsToReopen<T extends Pick<ChecklistItem, 'id' | 'dependsOn' | 'state'>>(
  items: readonly T[],
  itemId: string,
  next: ChecklistItemState,
): T[] {
  if (isSettled(next)) return [];
  const out: T[] = [];
  const queue = [itemId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const item of items) {
      if (item.dependsOn !== id || item.state !== 'done' || seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
      queue.push(item.id);
    }
  }
  return out;
}

/** Whether a photo may be linked as evidence to an item: not once its phase is completed. */
export function checkPhotoLink(item: Pick<ChecklistItem, 'title'>, phaseCompleted: boolean): RuleVerdict {
  if (phaseCompleted)
    return { allowed: false, reason: `The phase of "${item.title}" is already completed: no more evidence can be linked` };
  return { allowed: true };
}

/** Whether a check run may be linked as evidence to an item. */
export function checkEvidenceLink(
  item: Pick<ChecklistItem, 'title' | 'siteId'>,
  run: { siteId: string; finishedAt: string | null },
  phaseCompleted: boolean,
): RuleVerdict {
  if (phaseCompleted) {
    return { allowed: false, reason: `The phase of "${item.title}" is already completed: no more evidence can be linked` };
  }
  if (run.siteId !== item.siteId) {
    return { allowed: false, reason: 'The check run belongs to another site' };
  }
  if (run.finishedAt === null) {
    return { allowed: false, reason: 'The check run has not finished yet' };
  }
  return { allowed: true };
}

/** Whether a phase can be completed: no required item may be open. */
export function checkPhaseCompletion(items: readonly Pick<ChecklistItem, 'required' | 'state' | 'title'>[]): RuleVerdict {
  const open = items.filter(isOpenRequired);
  if (open.length === 0) return { allowed: true };
  const names = open
    .slice(0, 3)
    .map((i) => `"${i.title}"`)
    .join(', ');
  const more = open.length > 3 ? ` and ${open.length - 3} more` : '';
  return { allowed: false, reason: `${open.length} required item(s) still open: ${names}${more}` };
}

/** Progress counts settled items out of all items. */
export function checklistProgress(items: readonly Pick<ChecklistItem, 'state'>[]): { done: number; total: number } {
  return { done: items.filter((i) => isSettled(i.state)).length, total: items.length };
}
