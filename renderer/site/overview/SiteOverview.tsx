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

/** Everything about the site on one page: when, where, who, and how far along. */
export function SiteOverview({ site }: { site: SiteSummary }) {
  const reconciliation = useApiQuery('inventory.reconciliation', { siteId: site.id }, ['inventory']);
  const setTab = useNavigation((s) => s.setTab);
  const r = reconciliation.data;

  return (
    <Stack gap="sm" data-testid="overview-panel">
      {site.status === 'rolled_back' && <RollbackNotice siteId={site.id} />}
      <SignOffNotice siteId={site.id} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <ProgressCard title="Checklist" progress={site.checklist} color="indigo" onOpen={() => setTab('checklist')} testId="overview-checklist" />
        <ProgressCard
          title="Inventory received"
          progress={site.inventory}
          color="blue"
          onOpen={() => setTab('inventory')}
          testId="overview-inventory"
          footer={
            r && (
              <Group gap={6}>
                <Badge variant="light" color="gray">Expected {r.expected}</Badge>
                <Badge variant="light" color="teal">Received {r.received}</Badge>
                <Badge variant="light" color={r.missing ? 'red' : 'gray'}>Missing {r.missing}</Badge>
                <Badge variant="light" color={r.surplus ? 'grape' : 'gray'}>Surplus {r.surplus}</Badge>
                <Badge variant="light" color={r.damaged ? 'orange' : 'gray'}>Damaged {r.damaged}</Badge>
              </Group>
            )
          }
        />
        <Paper withBorder p="sm">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Target machines
          </Text>
          <Text fz={32} fw={700} lh={1.3} data-testid="overview-machines">
            {site.machineCount}
          </Text>
          <Anchor size="sm" component="button" onClick={() => setTab('machines')}>
            Open machines
          </Anchor>
        </Paper>
      </SimpleGrid>

      <OverviewIssuesCard siteId={site.id} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <InfoCard icon={<IconCalendarTime size={16} />} title="Scheduled window">
          <Text size="sm" data-testid="overview-window">
            {formatWindow(site.windowStart, site.windowEnd, site.timeZone)}
          </Text>
          <Text size="xs" c="dimmed">
            Wave: {site.waveName ?? 'none'} · time zone {site.timeZone}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconMapPin size={16} />} title="Address">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {site.address || '—'}
          </Text>
        </InfoCard>
        <InfoCard icon={<IconUser size={16} />} title="Site owner">
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
        <InfoCard icon={<IconUsers size={16} />} title="Technicians">
          {site.technicians.length === 0 ? (
            <Text size="sm" c="dimmed">
              None assigned
            </Text>
          ) : (
            <Group gap={6}>
              {site.technicians.map((t) => (
                <Badge key={t.id ?? `name:${t.name}`} variant="default" tt="none" fw={500} size="md" title={t.id ? undefined : 'Name only: not linked to a server user'}>
                  {t.name}
                </Badge>
              ))}
            </Group>
          )}
        </InfoCard>
      </SimpleGrid>
      {site.notes.trim() !== '' && (
        <InfoCard icon={<IconNotes size={16} />} title="Notes">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="site-notes-text">
            {site.notes}
          </Text>
        </InfoCard>
      )}
    </Stack>
  );
}
