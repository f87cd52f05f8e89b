import { Badge, type BadgeProps } from '@mantine/core';
import type { DeploymentStatus, SiteStatus } from '../../shared/domain/enums';
import { DEPLOYMENT_STATUS, SITE_STATUS } from './labels';

export function SiteStatusBadge({ status, ...props }: { status: SiteStatus } & BadgeProps) {
  const s = SITE_STATUS[status];
  return (
    <Badge color={s.color} variant="light" data-status={status} {...props}>
      {s.label}
    </Badge>
  );
}

export function DeploymentStatusBadge({ status, ...props }: { status: DeploymentStatus } & BadgeProps) {
  const s = DEPLOYMENT_STATUS[status];
  return (
    <Badge color={s.color} variant="light" data-status={status} {...props}>
      {s.label}
    </Badge>
  );
}
