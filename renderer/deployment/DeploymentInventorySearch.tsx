import { Anchor, CloseButton, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { isManagerRole } from '../../shared/domain/role-access';
import { useApiQuery } from '../api/useApiQuery';
import { QueryError } from '../shell/QueryError';
import { SmallTable } from '../shell/SmallTable';
import { useNavigation } from '../state/navigation';
import { useProfile } from '../state/profile';
import { useUi } from '../state/ui';
import { INVENTORY_STATE } from '../status/labels';
import { useText } from '../i18n/i18n';

const SHOWN = 50;
/** Typing pauses this long before a search is sent (as in a site's inventory search). */
const DEBOUNCE_MS = 150;

/**
 * "Where is serial X?" for release managers: part of a serial, asset tag or model, searched in
 * every site of the deployment on this device (`inventory.searchDeployment`). Each match names its
 * site; the site opens on its Inventory tab, searched for the same text.
 */
export function DeploymentInventorySearch({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const role = useProfile((s) => s.profile?.role);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const result = useApiQuery(
    'inventory.searchDeployment',
    isManagerRole(role) && query !== '' ? { deploymentId, query, limit: SHOWN } : null,
    ['inventory', 'sites'],
  );
  const selectSite = useNavigation((s) => s.selectSite);
  const requestInventorySearch = useUi((s) => s.requestInventorySearch);
  if (!isManagerRole(role)) return null;

  const openSite = (siteId: string) => {
    requestInventorySearch(query);
    selectSite(deploymentId, siteId, 'inventory');
  };
  const data = query !== '' ? result.data : undefined;
  const rows = (data?.matches ?? []).map(({ site, item }) => [
    <Anchor component="button" type="button" size="xs" onClick={() => openSite(site.id)} data-testid={`inventory-search-site-${site.code}`}>
      {site.code} · {site.name}
    </Anchor>,
    item.expectedSerial ?? '—',
    item.foundSerial ?? '—',
    item.assetTag ?? '—',
    item.model || '—',
    item.isSurplus ? INVENTORY_STATE.surplus.label : INVENTORY_STATE[item.state].label,
  ]);

  return (
    <Paper withBorder data-testid="deployment-inventory-search">
      <Group px="sm" py={8} gap="sm" wrap="wrap">
        <Text fw={600} size="sm">
          {t('deployment.deploymentInventorySearch.findHardware')}
        </Text>
        <TextInput
          placeholder={t('deployment.deploymentInventorySearch.partOfASerial')}
          leftSection={<IconSearch size={14} />}
          rightSection={
            search ? (
              <CloseButton
                size="sm"
                onClick={() => setSearch('')}
                aria-label={t('deployment.deploymentInventorySearch.clearHardwareSearch')}
              />
            ) : undefined
          }
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) setSearch('');
          }}
          size="sm"
          maxLength={128}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
          aria-label={t('deployment.deploymentInventorySearch.findHardwareInEvery')}
          data-testid="deployment-inventory-search-input"
        />
        {data && (
          <Text size="xs" c="dimmed" data-testid="deployment-inventory-search-count">
            {data.total === 0
              ? t('deployment.deploymentInventorySearch.noMatch')
              : data.total > data.matches.length
                ? t('deployment.deploymentInventorySearch.firstOfMatches', {
                    shown: data.matches.length,
                    total: data.total.toLocaleString(),
                  })
                : t('deployment.deploymentInventorySearch.matches', { count: data.total })}
          </Text>
        )}
      </Group>
      {result.error && query !== '' && (
        <QueryError m="sm" title={t('deployment.deploymentInventorySearch.searchFailed')} error={result.error} onRetry={result.reload} />
      )}
      {data && data.total > 0 && (
        <SmallTable
          head={[
            t('deployment.deploymentInventorySearch.site'),
            t('deployment.deploymentInventorySearch.expectedSerial'),
            t('deployment.deploymentInventorySearch.foundSerial'),
            t('deployment.deploymentInventorySearch.assetTag'),
            t('deployment.deploymentInventorySearch.model'),
            t('deployment.deploymentInventorySearch.state'),
          ]}
          rows={rows}
          empty=""
          testId="deployment-inventory-search-results"
        />
      )}
    </Paper>
  );
}
