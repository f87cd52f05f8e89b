import { Badge, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { SiteSummary } from '../../shared/domain/site';
import { LazyTooltip } from '../shell/LazyTooltip';
import { SiteStatusBadge } from '../status/StatusBadge';
import { MiniProgress } from './MiniProgress';
import classes from './Navigator.module.css';
import { useText } from '../i18n/i18n';

interface Props {
  site: SiteSummary;
  active: boolean;
  onSelect: (siteId: string) => void;
  /** Open issues that block sign-off. */
  blockingCount?: number;
}

export const SiteRow = memo(function SiteRow({ site, active, onSelect, blockingCount = 0 }: Props) {
  const t = useText();
  return (
    <UnstyledButton
      className={classes.row}
      data-active={active || undefined}
      aria-current={active ? 'page' : undefined}
      onClick={() => onSelect(site.id)}
      data-testid={`site-${site.code}`}
      data-site-status={site.status}
    >
      <div className={classes.line}>
        <span className={classes.code}>{site.code}</span>
        <span className={classes.name} title={site.name}>
          {site.name}
        </span>
        {blockingCount > 0 && (
          <LazyTooltip label={t('navigator.siteRow.openIssueSBlocking', { blockingCount })}>
            <Badge size="xs" color="red" variant="filled" circle data-testid="blocking-count">
              {blockingCount}
            </Badge>
          </LazyTooltip>
        )}
        <SiteStatusBadge status={site.status} size="xs" />
      </div>
      <div className={classes.bars}>
        <MiniProgress label={t('navigator.siteRow.checklist')} progress={site.checklist} color="indigo" />
        <MiniProgress label={t('navigator.siteRow.inventory')} progress={site.inventory} color="blue" />
      </div>
    </UnstyledButton>
  );
});
