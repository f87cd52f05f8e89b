import { Anchor, Group, Text, Title } from '@mantine/core';
import type { SiteSummary } from '../../shared/domain/site';
import { useApiQuery } from '../api/useApiQuery';
import { useNavigation } from '../state/navigation';
import { SiteStatusBadge } from '../status/StatusBadge';
import { SiteStatusMenu } from './SiteStatusMenu';
import { useText } from '../i18n/i18n';

export function SiteHeader({ site }: { site: SiteSummary }) {
  const t = useText();
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const deployment = useApiQuery('deployments.get', { deploymentId: site.deploymentId }, ['deployments']);
  return (
    <div>
      <Text size="xs" c="dimmed">
        <Anchor size="xs" component="button" onClick={() => selectDeployment(site.deploymentId)} data-testid="breadcrumb-deployment">
          {deployment.data?.deployment.name ?? t('site.siteHeader.deployment')}
        </Anchor>
        {site.waveName ? ` › ${site.waveName}` : ''}
      </Text>
      <Group gap="sm" mt={2} wrap="nowrap">
        <Title order={3} data-testid="workspace-title" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <Text span inherit ff="monospace">
            {site.code}
          </Text>{' '}
          — {site.name}
        </Title>
        <SiteStatusBadge status={site.status} size="md" data-testid="workspace-status" />
        <SiteStatusMenu siteId={site.id} status={site.status} />
      </Group>
    </div>
  );
}
