import { create } from 'zustand';

const KEY = 'outpost.scanSoundMuted';

function readMuted(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

interface SoundState {
  muted: boolean;
  toggleMuted: () => void;
}

export const useSound = create<SoundState>((set, get) => ({
  muted: readMuted(),
  toggleMuted: () => {
    const muted = !get().muted;
    try {
      window.localStorage.setItem(KEY, muted ? '1' : '0');
    } catch {
      // Not persisted; fine for this session.
    }
    set({ muted });
  },
}));
