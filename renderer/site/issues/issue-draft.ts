import { create } from 'zustand';
import type { IssueLink } from '../../../shared/domain/issue';

/** What the create dialog opens with, e.g. from a failed checklist item. */
export interface IssueDraft {
  siteId: string;
  title: string;
  description: string;
  links: IssueLink[];
  /** Where the draft comes from, shown in the dialog ("Checklist item: Mount firewall"). */
  source: string | null;
}

interface IssueDraftState {
  draft: IssueDraft | null;
  open: (draft: IssueDraft) => void;
  close: () => void;
}

/** One create dialog per workspace; any part of the site (checklist, issues tab) can open it. */
export const useIssueDraft = create<IssueDraftState>((set) => ({
  draft: null,
  open: (draft) => set({ draft }),
  close: () => set({ draft: null }),
}));

export function openIssueDraft(draft: IssueDraft): void {
  useIssueDraft.getState().open(draft);
}
