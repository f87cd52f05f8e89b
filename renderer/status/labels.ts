import type { DeploymentStatus, InventoryState, SiteStatus, ChecklistItemState, ChecklistPhase } from '../../shared/domain/enums';

/** Labels and Mantine colours for every status the UI shows, in one place. */
export const SITE_STATUS: Record<SiteStatus, { label: string; color: string }> = {
  planned: { label: 'Planned', color: 'gray' },
  ready: { label: 'Ready', color: 'blue' },
  in_progress: { label: 'In progress', color: 'indigo' },
  blocked: { label: 'Blocked', color: 'red' },
  deployed: { label: 'Deployed', color: 'teal' },
  signed_off: { label: 'Signed off', color: 'green' },
  rolled_back: { label: 'Rolled back', color: 'orange' },
};

export const DEPLOYMENT_STATUS: Record<DeploymentStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  published: { label: 'Published', color: 'blue' },
  in_progress: { label: 'In progress', color: 'indigo' },
  stabilizing: { label: 'Stabilizing', color: 'yellow' },
  complete: { label: 'Complete', color: 'green' },
};

export const INVENTORY_STATE: Record<InventoryState | 'surplus', { label: string; color: string }> = {
  expected: { label: 'Expected', color: 'gray' },
  received: { label: 'Received', color: 'blue' },
  installed: { label: 'Installed', color: 'cyan' },
  verified: { label: 'Verified', color: 'green' },
  missing: { label: 'Missing', color: 'red' },
  damaged: { label: 'Damaged', color: 'orange' },
  returned: { label: 'Returned', color: 'violet' },
  surplus: { label: 'Surplus', color: 'grape' },
};

export const ITEM_STATE: Record<ChecklistItemState, { label: string; color: string }> = {
  todo: { label: 'To do', color: 'gray' },
  done: { label: 'Done', color: 'green' },
  not_applicable: { label: 'N/A', color: 'blue' },
  failed: { label: 'Failed', color: 'red' },
};

export const PHASE_LABELS: Record<ChecklistPhase, string> = {
  before: 'Before — verify components and environment',
  during: 'During — execution',
  after: 'After — post-installation testing',
  handover: 'Hand-over — documentation, passwords, support contacts',
  rollback: 'Rollback',
};

export const EVIDENCE_LABELS = {
  none: 'No evidence',
  note: 'Note',
  photo: 'Photo',
  check_run: 'Passing check run',
} as const;
