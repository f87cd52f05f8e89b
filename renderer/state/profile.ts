import { create } from 'zustand';
import type { Profile } from '../../shared/domain/profile';

interface ProfileState {
  /** undefined while loading, null before first run. */
  profile: Profile | null | undefined;
  setProfile: (profile: Profile | null) => void;
}

export const useProfile = create<ProfileState>((set) => ({
  profile: undefined,
  setProfile: (profile) => set({ profile }),
}));

export const ROLE_LABELS: Record<Profile['role'], string> = {
  technician: 'Technician',
  release_manager: 'Release manager',
  administrator: 'Administrator',
};
