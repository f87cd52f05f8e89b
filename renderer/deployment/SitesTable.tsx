import { Table, Text } from '@mantine/core';
import type { Wave } from '../../shared/domain/deployment';
import type { SiteSummary } from '../../shared/domain/site';
import { formatWindowShort } from '../format/time';
import { groupSitesByWave } from '../navigator/group-sites';
import { useNavigation } from '../state/navigation';
import { SiteStatusBadge } from '../status/StatusBadge';
import { SiteAuthoringMenu } from './authoring/SiteAuthoringMenu';
import { BulkHeaderCell, BulkRowCell } from './bulk/BulkCells';
import { BulkToolbar } from './bulk/BulkToolbar';
import { useBulkSelection } from './bulk/useBulkSelection';
import { useText } from '../i18n/i18n';

interface Props {
  deploymentId: string;
  sites: readonly SiteSummary[];
  waves: readonly Wave[];
}

export function SitesTable({ deploymentId, sites, waves }: Props) {
  const t = useText();
  const selectSite = useNavigation((s) => s.selectSite);
  const ordered = groupSitesByWave(sites, waves).flatMap((g) => g.sites);
  const bulk = useBulkSelection(ordered);
  if (ordered.length === 0) {
    return (
      <Text size="sm" c="dimmed" px="sm" pb="sm">
        {t('deployment.sitesTable.noSitesYetAdd')}
      </Text>
    );
  }
  return (
    <>
      <BulkToolbar bulk={bulk} deploymentId={deploymentId} sites={sites} waves={waves} />
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing={4} fz="xs" data-testid="sites-table">
          <Table.Thead>
            <Table.Tr>
              <BulkHeaderCell bulk={bulk} />
              <Table.Th>{t('deployment.sitesTable.code')}</Table.Th>
              <Table.Th>{t('deployment.sitesTable.name')}</Table.Th>
              <Table.Th>{t('deployment.sitesTable.wave')}</Table.Th>
              <Table.Th>{t('deployment.sitesTable.status')}</Table.Th>
              <Table.Th>{t('deployment.sitesTable.windowSiteTime')}</Table.Th>
              <Table.Th>{t('deployment.sitesTable.technicians')}</Table.Th>
              <Table.Th ta="right">{t('deployment.sitesTable.checklist')}</Table.Th>
              <Table.Th ta="right">{t('deployment.sitesTable.inventory')}</Table.Th>
              <Table.Th ta="right">{t('deployment.sitesTable.machines')}</Table.Th>
              <Table.Th w={32} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bulk.shown.map((site) => (
              <Table.Tr key={site.id} style={{ cursor: 'pointer' }} onClick={() => selectSite(deploymentId, site.id, 'overview')}>
                <BulkRowCell bulk={bulk} site={site} />
                <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {site.code}
                </Table.Td>
                <Table.Td>{site.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{site.waveName ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <SiteStatusBadge status={site.status} size="xs" />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} title={site.timeZone}>
                  {formatWindowShort(site.windowStart, site.windowEnd, site.timeZone)}
                </Table.Td>
                <Table.Td>{site.technicians.map((t) => t.name).join(', ') || '—'}</Table.Td>
                <Table.Td ta="right">
                  {site.checklist.done}/{site.checklist.total}
                </Table.Td>
                <Table.Td ta="right">
                  {site.inventory.done}/{site.inventory.total}
                </Table.Td>
                <Table.Td ta="right">{site.machineCount}</Table.Td>
                <Table.Td>
                  <SiteAuthoringMenu site={site} waves={waves} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
