import type { IssueCategory, IssueEvent, IssueSeverity, IssueStatus } from '../../../shared/domain/issue';
import { appText } from '../../i18n/app-text';

export const SEVERITY: Record<IssueSeverity, { label: string; color: string }> = {
  critical: {
    get label() {
      return appText('site.issues.issueLabels.critical');
    },
    color: 'red',
  },
  high: {
    get label() {
      return appText('site.issues.issueLabels.high');
    },
    color: 'orange',
  },
  medium: {
    get label() {
      return appText('site.issues.issueLabels.medium');
    },
    color: 'yellow',
  },
  low: {
    get label() {
      return appText('site.issues.issueLabels.low');
    },
    color: 'gray',
  },
};

export const ISSUE_STATUS: Record<IssueStatus, { label: string; color: string }> = {
  open: {
    get label() {
      return appText('site.issues.issueLabels.open');
    },
    color: 'blue',
  },
  in_progress: {
    get label() {
      return appText('site.issues.issueLabels.inProgress');
    },
    color: 'indigo',
  },
  escalated: {
    get label() {
      return appText('site.issues.issueLabels.escalated');
    },
    color: 'red',
  },
  resolved: {
    get label() {
      return appText('site.issues.issueLabels.resolved');
    },
    color: 'teal',
  },
  closed: {
    get label() {
      return appText('site.issues.issueLabels.closed');
    },
    color: 'gray',
  },
  accepted_exception: {
    get label() {
      return appText('site.issues.issueLabels.acceptedException');
    },
    color: 'grape',
  },
};

export const CATEGORY: Record<IssueCategory, string> = {
  get hardware() {
    return appText('site.issues.category.hardware');
  },
  get software() {
    return appText('site.issues.category.software');
  },
  get network() {
    return appText('site.issues.category.network');
  },
  get facility() {
    return appText('site.issues.category.facility');
  },
  get documentation() {
    return appText('site.issues.category.documentation');
  },
  get training() {
    return appText('site.issues.category.training');
  },
};

export const EVENT_LABEL: Record<IssueEvent['kind'], string> = {
  get created() {
    return appText('site.issues.event.created');
  },
  get commented() {
    return appText('site.issues.event.commented');
  },
  get assigned() {
    return appText('site.issues.event.assigned');
  },
  get status_changed() {
    return appText('site.issues.event.statusChanged');
  },
  get escalated() {
    return appText('site.issues.event.escalated');
  },
  get resolved() {
    return appText('site.issues.event.resolved');
  },
  get closed() {
    return appText('site.issues.event.closed');
  },
  get accepted_exception() {
    return appText('site.issues.event.acceptedException');
  },
  get reopened() {
    return appText('site.issues.event.reopened');
  },
  get impact_changed() {
    return appText('site.issues.event.impactChanged');
  },
};

export const LINK_LABEL = {
  get inventory_item() {
    return appText('site.issues.link.inventoryItem');
  },
  get target_machine() {
    return appText('site.issues.link.targetMachine');
  },
  get checklist_item() {
    return appText('site.issues.link.checklistItem');
  },
  get check_run() {
    return appText('site.issues.link.checkRun');
  },
} as const;

export const options = <K extends string>(labels: Record<K, string | { label: string }>) =>
  (Object.keys(labels) as K[]).map((value) => {
    const l = labels[value];
    return { value, label: typeof l === 'string' ? l : l.label };
  });
