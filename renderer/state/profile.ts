import { create } from 'zustand';
import type { Profile } from '../../shared/domain/profile';
import { appText } from '../i18n/app-text';

interface ProfileState {
  /** undefined while loading, null before first run. */
  profile: Profile | null | undefined;
  setProfile: (profile: Profile | null) => void;
}

export const useProfile = create<ProfileState>((set) => ({
  profile: undefined,
  setProfile: (profile) => set({ profile }),
}));

/** Role names as shown, read from the catalog when shown (getters). */
export const ROLE_LABELS: Readonly<Record<Profile['role'], string>> = {
  get technician() {
    return appText('common.role.technician');
  },
  get release_manager() {
    return appText('common.role.release_manager');
  },
  get administrator() {
    return appText('common.role.administrator');
  },
};
