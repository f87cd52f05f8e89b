import { Alert, Anchor, Badge, Button, Group, List, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScheduleWarningKind } from '../../shared/logic/schedule-checks';
import { useApiQuery } from '../api/useApiQuery';
import { useNavigation } from '../state/navigation';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

const KIND_LABEL: Record<ScheduleWarningKind, string> = {
  get technician_overlap() {
    return appText('schedule.warningKind.technicianOverlap');
  },
  get outside_wave() {
    return appText('schedule.warningKind.outsideWave');
  },
  get crosses_dst() {
    return appText('schedule.warningKind.crossesDst');
  },
  get no_technician() {
    return appText('schedule.warningKind.noTechnician');
  },
  get no_owner_contact() {
    return appText('schedule.warningKind.noOwnerContact');
  },
};

const SHOWN = 20;

/** The deployment's schedule warnings (shared/logic/schedule-checks): warnings, never blocks; each opens its site. */
export function ScheduleWarningsPanel({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const warnings = useApiQuery('schedule.warnings', { deploymentId }, ['sites', 'deployments']);
  const selectSite = useNavigation((s) => s.selectSite);
  const [all, setAll] = useState(false);
  const list = warnings.data ?? [];
  if (list.length === 0) return null;
  const counts = new Map<ScheduleWarningKind, number>();
  for (const w of list) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCalendarExclamation size={18} />}
      title={t('schedule.scheduleWarningsPanel.scheduleWarnings', { length: list.length })}
      data-testid="schedule-warnings"
    >
      <Group gap={6} mb="xs">
        {[...counts].map(([kind, n]) => (
          <Badge key={kind} size="sm" variant="default" tt="none" fw={500}>
            {KIND_LABEL[kind]}: {n}
          </Badge>
        ))}
      </Group>
      <List size="sm" spacing={4}>
        {shown.map((w, i) => (
          <List.Item key={`${w.siteId}-${w.kind}-${w.otherSiteId ?? ''}-${i}`} data-testid="schedule-warning" data-kind={w.kind}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              fw={700}
              c="inherit"
              underline="always"
              onClick={() => selectSite(w.deploymentId, w.siteId, 'overview')}
            >
              {w.siteCode}
            </Anchor>{' '}
            <Text span size="sm">
              {w.message}
            </Text>
          </List.Item>
        ))}
      </List>
      {list.length > SHOWN && (
        <Button size="compact-xs" variant="subtle" mt="xs" onClick={() => setAll((v) => !v)}>
          {all ? t('schedule.scheduleWarningsPanel.showFewer') : t('schedule.scheduleWarningsPanel.showAll', { length: list.length })}
        </Button>
      )}
    </Alert>
  );
}
