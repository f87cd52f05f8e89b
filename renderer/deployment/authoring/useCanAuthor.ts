import { useProfile } from '../../state/profile';

/** True when the local profile may edit the plan (release manager or administrator). */
export function useCanAuthor(): boolean {
  const role = useProfile((s) => s.profile?.role);
  return role === 'release_manager' || role === 'administrator';
}
