import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarTime, IconMail, IconMapPin, IconNotes, IconPhone, IconUser, IconUsers } from '@tabler/icons-react';
import type { SiteSummary } from '../../../shared/domain/site';
import { useApiQuery } from '../../api/useApiQuery';
import { formatWindow } from '../../format/time';
import { useNavigation } from '../../state/navigation';
import { OverviewIssuesCard } from '../issues/OverviewIssuesCard';
import { RollbackNotice } from '../issues/RollbackNotice';
import { SignOffNotice } from '../signoff/SignOffNotice';
import { InfoCard } from './InfoCard';
import { ProgressCard } from './ProgressCard';
import { useText } from '../../i18n/i18n';

/** Everything about the site on one page: when, where, who, and how far along. */
export function SiteOverview({ site }: { site: SiteSummary }) {
  const t = useText();
  const reconciliation = useApiQuery('inventory.reconciliation', { siteId: site.id }, ['inventory']);
  const setTab = useNavigation((s) => s.setTab);
  const r = reconciliation.data;

  return (
    <Stack gap="sm" data-testid="overview-panel">
      {site.status === 'rolled_back' && <RollbackNotice siteId={site.id} />}
      <SignOffNotice siteId={site.id} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <ProgressCard
          title={t('site.overview.siteOverview.checklist')}
          openLabel={t('site.overview.siteOverview.openChecklist')}
          progress={site.checklist}
          color="indigo"
          onOpen={() => setTab('checklist')}
          testId="overview-checklist"
        />
        <ProgressCard
          title={t('site.overview.siteOverview.inventoryReceived')}
          openLabel={t('site.overview.siteOverview.openInventory')}
          progress={site.inventory}
          color="blue"
          onOpen={() => setTab('inventory')}
          testId="overview-inventory"
          footer={
            r && (
              <Group gap={6}>
                <Badge variant="light" color="gray">
                  {t('site.overview.siteOverview.expected', { expected: r.expected })}
                </Badge>
                <Badge variant="light" color="teal">
                  {t('site.overview.siteOverview.received', { received: r.received })}
                </Badge>
                <Badge variant="light" color={r.missing ? 'red' : 'gray'}>
                  {t('site.overview.siteOverview.missing', { missing: r.missing })}
                </Badge>
                <Badge variant="light" color={r.surplus ? 'grape' : 'gray'}>
                  {t('site.overview.siteOverview.surplus', { surplus: r.surplus })}
                </Badge>
                <Badge variant="light" color={r.damaged ? 'orange' : 'gray'}>
                  {t('site.overview.siteOverview.damaged', { damaged: r.damaged })}
                </Badge>
              </Group>
            )
          }
        />
        <Paper withBorder p="sm">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('site.overview.siteOverview.targetMachines')}
          </Text>
          <Text fz={32} fw={700} lh={1.3} data-testid="overview-machines">
            {site.machineCount}
          </Text>
          <Anchor size="sm" component="button" onClick={() => setTab('machines')}>
            {t('site.overview.siteOverview.openMachines')}
          </Anchor>
        </Paper>
      </SimpleGrid>

      <OverviewIssuesCard siteId={site.id} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <InfoCard icon={<IconCalendarTime size={16} />} title={t('site.overview.siteOverview.scheduledWindow')}>
          <Text size="sm" data-testid="overview-window">
            {formatWindow(site.windowStart, site.windowEnd, site.timeZone)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('site.overview.siteOverview.waveTimeZone', {
              wave: site.waveName ?? t('site.overview.siteOverview.none'),
              timeZone: site.timeZone,
            })}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconMapPin size={16} />} title={t('site.overview.siteOverview.address')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {site.address || '—'}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconUser size={16} />} title={t('site.overview.siteOverview.siteOwner')}>
          <Text size="sm" fw={600}>
            {site.ownerName || '—'}
          </Text>
          <Group gap="md">
            {site.ownerEmail && (
              <Anchor size="sm" href={`mailto:${site.ownerEmail}`} data-testid="owner-email">
                <IconMail size={13} style={{ verticalAlign: -2 }} /> {site.ownerEmail}
              </Anchor>
            )}
            {site.ownerPhone && (
              <Anchor size="sm" href={`tel:${site.ownerPhone.replace(/\s+/g, '')}`}>
                <IconPhone size={13} style={{ verticalAlign: -2 }} /> {site.ownerPhone}
              </Anchor>
            )}
          </Group>
        </InfoCard>
        <InfoCard icon={<IconUsers size={16} />} title={t('site.overview.siteOverview.technicians')}>
          {site.technicians.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('site.overview.siteOverview.noneAssigned')}
            </Text>
          ) : (
            <Group gap={6}>
              {site.technicians.map((tech) => (
                <Badge
                  key={tech.id ?? `name:${tech.name}`}
                  variant="default"
                  tt="none"
                  fw={500}
                  size="md"
                  title={tech.id ? undefined : t('site.overview.siteOverview.nameOnlyNotLinked')}
                >
                  {tech.name}
                </Badge>
              ))}
            </Group>
          )}
        </InfoCard>
      </SimpleGrid>
      {site.notes.trim() !== '' && (
        <InfoCard icon={<IconNotes size={16} />} title={t('site.overview.siteOverview.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="site-notes-text">
            {site.notes}
          </Text>
        </InfoCard>
      )}
    </Stack>
  );
}
