import { create } from 'zustand';

/** Transient UI state shared between distant components (header, hotkeys, workspace). */
interface UiState {
  shortcutsOpen: boolean;
  receiveMode: boolean;
  /** Bumped by the `/` shortcut; the inventory search focuses itself when it changes. */
  searchFocusRequest: number;
  setShortcutsOpen: (open: boolean) => void;
  setReceiveMode: (on: boolean) => void;
  requestSearchFocus: () => void;
}

export const useUi = create<UiState>((set) => ({
  shortcutsOpen: false,
  receiveMode: false,
  searchFocusRequest: 0,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setReceiveMode: (receiveMode) => set({ receiveMode }),
  requestSearchFocus: () => set((s) => ({ searchFocusRequest: s.searchFocusRequest + 1 })),
}));
