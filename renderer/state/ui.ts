import { create } from 'zustand';

/** Transient UI state shared between distant components (header, hotkeys, workspace). */
interface UiState {
  shortcutsOpen: boolean;
  receiveMode: boolean;
  /** Set by the `/` shortcut; the inventory search takes the focus and clears it. */
  searchFocusPending: boolean;
  /** Bumped by `r` while receive mode is already on, to bring the focus back to the scan field. */
  scanFocusRequest: number;
  /** A search text for the next site Inventory tab that opens (a deployment-wide search's link to a site). */
  inventorySearchRequest: string | null;
  setShortcutsOpen: (open: boolean) => void;
  setReceiveMode: (on: boolean) => void;
  requestSearchFocus: () => void;
  consumeSearchFocus: () => boolean;
  requestScanFocus: () => void;
  requestInventorySearch: (text: string) => void;
  /** The requested search text, once (null when none). */
  takeInventorySearch: () => string | null;
}

export const useUi = create<UiState>((set, get) => ({
  shortcutsOpen: false,
  receiveMode: false,
  searchFocusPending: false,
  scanFocusRequest: 0,
  inventorySearchRequest: null,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setReceiveMode: (receiveMode) => set({ receiveMode }),
  requestSearchFocus: () => set({ searchFocusPending: true }),
  consumeSearchFocus: () => {
    if (!get().searchFocusPending) return false;
    set({ searchFocusPending: false });
    return true;
  },
  requestScanFocus: () => set((s) => ({ scanFocusRequest: s.scanFocusRequest + 1 })),
  requestInventorySearch: (inventorySearchRequest) => set({ inventorySearchRequest }),
  takeInventorySearch: () => {
    const text = get().inventorySearchRequest;
    if (text !== null) set({ inventorySearchRequest: null });
    return text;
  },
}));
