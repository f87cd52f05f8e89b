import { create } from 'zustand';

/** Transient UI state shared between distant components (header, hotkeys, workspace). */
interface UiState {
  shortcutsOpen: boolean;
  receiveMode: boolean;
  /** Set by the `/` shortcut; the inventory search takes the focus and clears it. */
  searchFocusPending: boolean;
  /** Bumped by `r` while receive mode is already on, to bring the focus back to the scan field. */
  scanFocusRequest: number;
  setShortcutsOpen: (open: boolean) => void;
  setReceiveMode: (on: boolean) => void;
  requestSearchFocus: () => void;
  consumeSearchFocus: () => boolean;
  requestScanFocus: () => void;
}

export const useUi = create<UiState>((set, get) => ({
  shortcutsOpen: false,
  receiveMode: false,
  searchFocusPending: false,
  scanFocusRequest: 0,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setReceiveMode: (receiveMode) => set({ receiveMode }),
  requestSearchFocus: () => set({ searchFocusPending: true }),
  consumeSearchFocus: () => {
    if (!get().searchFocusPending) return false;
    set({ searchFocusPending: false });
    return true;
  },
  requestScanFocus: () => set((s) => ({ scanFocusRequest: s.scanFocusRequest + 1 })),
}));
