import type { Requirement } from '../../../shared/domain/deployment';
import { appText } from '../../i18n/app-text';

export interface RequirementGroup {
  /** Target role, or null for requirements that apply to every target. */
  role: string | null;
  label: string;
  requirements: Requirement[];
}

/** The group of requirements without a target role (read when shown, from the catalog). */
export const allTargetsLabel = () => appText('deployment.requirements.groupRequirements.allTargets');

/** Requirements grouped by target role: "All targets" first, then roles alphabetically; order within a group kept. */
export function groupRequirements(list: readonly Requirement[]): RequirementGroup[] {
  const byRole = new Map<string | null, Requirement[]>();
  for (const r of list) {
    const group = byRole.get(r.targetRole);
    if (group) group.push(r);
    else byRole.set(r.targetRole, [r]);
  }
  return [...byRole.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([role, requirements]) => ({ role, label: role ?? allTargetsLabel(), requirements }));
}
