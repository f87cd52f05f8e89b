import { Badge, type BadgeProps } from '@mantine/core';
import type { IssueSeverity, IssueStatus } from '../../../shared/domain/issue';
import { ISSUE_STATUS, SEVERITY } from './issue-labels';

export function SeverityBadge({ severity, ...props }: { severity: IssueSeverity } & BadgeProps) {
  return (
    <Badge color={SEVERITY[severity].color} variant="filled" data-severity={severity} {...props}>
      {SEVERITY[severity].label}
    </Badge>
  );
}

export function IssueStatusBadge({ status, ...props }: { status: IssueStatus } & BadgeProps) {
  return (
    <Badge color={ISSUE_STATUS[status].color} variant="light" data-status={status} {...props}>
      {ISSUE_STATUS[status].label}
    </Badge>
  );
}
