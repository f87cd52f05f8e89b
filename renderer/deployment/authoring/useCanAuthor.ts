import { useProfile } from '../../state/profile';
import { isManagerRole } from '../../../shared/domain/role-access';

/** True when the local profile may edit the plan (release manager or administrator). */
export function useCanAuthor(): boolean {
  const role = useProfile((s) => s.profile?.role);
  return isManagerRole(role);
}
