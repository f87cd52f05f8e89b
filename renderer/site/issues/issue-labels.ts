import type { IssueCategory, IssueEvent, IssueSeverity, IssueStatus } from '../../../shared/domain/issue';

export const SEVERITY: Record<IssueSeverity, { label: string; color: string }> = {
  critical: { label: 'Critical', color: 'red' },
  high: { label: 'High', color: 'orange' },
  medium: { label: 'Medium', color: 'yellow' },
  low: { label: 'Low', color: 'gray' },
};

export const ISSUE_STATUS: Record<IssueStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  in_progress: { label: 'In progress', color: 'indigo' },
  escalated: { label: 'Escalated', color: 'red' },
  resolved: { label: 'Resolved', color: 'teal' },
  closed: { label: 'Closed', color: 'gray' },
  accepted_exception: { label: 'Accepted exception', color: 'grape' },
};

export const CATEGORY: Record<IssueCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  network: 'Network',
  facility: 'Facility',
  documentation: 'Documentation',
  training: 'Training',
};

export const EVENT_LABEL: Record<IssueEvent['kind'], string> = {
  created: 'Logged',
  commented: 'Comment',
  assigned: 'Assigned',
  status_changed: 'Status changed',
  escalated: 'Escalated',
  resolved: 'Resolved',
  closed: 'Closed',
  accepted_exception: 'Accepted as exception',
  reopened: 'Reopened',
  impact_changed: 'Service impact changed',
};

export const LINK_LABEL = {
  inventory_item: 'Inventory item',
  target_machine: 'Target machine',
  checklist_item: 'Checklist item',
  check_run: 'Check run',
} as const;

export const options = <K extends string>(labels: Record<K, string | { label: string }>) =>
  (Object.keys(labels) as K[]).map((value) => {
    const l = labels[value];
    return { value, label: typeof l === 'string' ? l : l.label };
  });
