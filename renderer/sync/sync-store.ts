import { create } from 'zustand';
import type { ApiError } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync-methods';

export type SyncDialog = 'signIn' | 'prepare' | 'conflicts' | 'signOut' | null;

/** The last `sync.status` answer, shared by the header, the dialogs and the first-run screen. */
interface SyncState {
  status: SyncStatus | null;
  /** Why the last `sync.status` call failed (e.g. the core does not offer sync yet). */
  statusError: ApiError | null;
  dialog: SyncDialog;
  /** Bumped to ask the poller for a fresh status at once (after Sync now, sign-in, prepare). */
  pollRequest: number;
  setStatus: (status: SyncStatus) => void;
  setStatusError: (error: ApiError) => void;
  openDialog: (dialog: SyncDialog) => void;
  requestPoll: () => void;
}

export const useSync = create<SyncState>((set) => ({
  status: null,
  statusError: null,
  dialog: null,
  pollRequest: 0,
  setStatus: (status) => set({ status, statusError: null }),
  setStatusError: (statusError) => set({ statusError }),
  openDialog: (dialog) => set({ dialog }),
  requestPoll: () => set((s) => ({ pollRequest: s.pollRequest + 1 })),
}));

/** Poll every 2 s while something is moving, every 10 s otherwise. */
export function pollDelayMs(status: SyncStatus | null): number {
  if (!status) return 10_000;
  if (status.state === 'syncing' || status.progress) return 2_000;
  return 10_000;
}
