import type { DeploymentStatus, InventoryState, SiteStatus, ChecklistItemState, ChecklistPhase } from '../../shared/domain/enums';
import { appText } from '../i18n/app-text';

/** Labels and Mantine colours for every status the UI shows, in one place. */
export const SITE_STATUS: Record<SiteStatus, { label: string; color: string }> = {
  planned: {
    get label() {
      return appText('status.labels.planned');
    },
    color: 'gray',
  },
  ready: {
    get label() {
      return appText('status.labels.ready');
    },
    color: 'blue',
  },
  in_progress: {
    get label() {
      return appText('status.labels.inProgress');
    },
    color: 'indigo',
  },
  blocked: {
    get label() {
      return appText('status.labels.blocked');
    },
    color: 'red',
  },
  deployed: {
    get label() {
      return appText('status.labels.deployed');
    },
    color: 'teal',
  },
  signed_off: {
    get label() {
      return appText('status.labels.signedOff');
    },
    color: 'green',
  },
  rolled_back: {
    get label() {
      return appText('status.labels.rolledBack');
    },
    color: 'orange',
  },
};

export const DEPLOYMENT_STATUS: Record<DeploymentStatus, { label: string; color: string }> = {
  draft: {
    get label() {
      return appText('status.labels.draft');
    },
    color: 'gray',
  },
  published: {
    get label() {
      return appText('status.labels.published');
    },
    color: 'blue',
  },
  in_progress: {
    get label() {
      return appText('status.labels.inProgress');
    },
    color: 'indigo',
  },
  stabilizing: {
    get label() {
      return appText('status.labels.stabilizing');
    },
    color: 'yellow',
  },
  complete: {
    get label() {
      return appText('status.labels.complete');
    },
    color: 'green',
  },
};

export const INVENTORY_STATE: Record<InventoryState | 'surplus', { label: string; color: string }> = {
  expected: {
    get label() {
      return appText('status.labels.expected');
    },
    color: 'gray',
  },
  received: {
    get label() {
      return appText('status.labels.received');
    },
    color: 'blue',
  },
  installed: {
    get label() {
      return appText('status.labels.installed');
    },
    color: 'cyan',
  },
  verified: {
    get label() {
      return appText('status.labels.verified');
    },
    color: 'green',
  },
  missing: {
    get label() {
      return appText('status.labels.missing');
    },
    color: 'red',
  },
  damaged: {
    get label() {
      return appText('status.labels.damaged');
    },
    color: 'orange',
  },
  returned: {
    get label() {
      return appText('status.labels.returned');
    },
    color: 'violet',
  },
  surplus: {
    get label() {
      return appText('status.labels.surplus');
    },
    color: 'grape',
  },
};

export const ITEM_STATE: Record<ChecklistItemState, { label: string; color: string }> = {
  todo: {
    get label() {
      return appText('status.labels.toDo');
    },
    color: 'gray',
  },
  done: {
    get label() {
      return appText('status.labels.done');
    },
    color: 'green',
  },
  not_applicable: { label: 'N/A', color: 'blue' },
  failed: {
    get label() {
      return appText('status.labels.failed');
    },
    color: 'red',
  },
};

export const PHASE_LABELS: Record<ChecklistPhase, string> = {
  get before() {
    return appText('status.phase.before');
  },
  get during() {
    return appText('status.phase.during');
  },
  get after() {
    return appText('status.phase.after');
  },
  get handover() {
    return appText('status.phase.handover');
  },
  get rollback() {
    return appText('status.phase.rollback');
  },
};

export const EVIDENCE_LABELS = {
  get none() {
    return appText('status.evidence.none');
  },
  get note() {
    return appText('status.evidence.note');
  },
  get photo() {
    return appText('status.evidence.photo');
  },
  get check_run() {
    return appText('status.evidence.checkRun');
  },
} as const;
