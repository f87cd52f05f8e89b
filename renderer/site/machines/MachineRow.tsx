import { ActionIcon, Badge, Button, Group, Progress, Stack, Text, Tooltip, Table } from '@mantine/core';
import { IconKey, IconPlayerPlay } from '@tabler/icons-react';
import type { MachineCheckRow } from '../../../shared/contract/checks-methods';
import type { CheckJobHost } from '../../../shared/domain/check-run';
import type { InventoryItem } from '../../../shared/domain/inventory';
import { Time } from '../../format/Time';
import { CountsText, OutcomeBadge } from './OutcomeBadge';
import { PHASE_LABEL, PHASE_PERCENT, windowsNote } from './outcome';
import { useText } from '../../i18n/i18n';

interface Props {
  row: MachineCheckRow;
  item: InventoryItem | undefined;
  /** This host's state in the running job, if it is part of it. */
  live: CheckJobHost | undefined;
  busy: boolean;
  onCheck: () => void;
  onCredential: () => void;
  onDetail: (runId: string) => void;
  onHostKey: () => void;
}

function credentialLabel(row: MachineCheckRow): string {
  const c = row.credential;
  if (!c) return 'Set sign-in';
  const kind = { key: 'Key file', agent: 'Agent', password: 'Password', 'keyboard-interactive': 'Keyboard-int.' }[c.kind];
  return `${kind}${c.useSudo ? ' + sudo' : ''}`;
}

export function MachineRow({ row, item, live, busy, onCheck, onCredential, onDetail, onHostKey }: Props) {
  const t = useText();
  const { target, lastRun } = row;
  const keyTrouble = lastRun && (lastRun.outcome === 'host_key_unknown' || lastRun.outcome === 'host_key_changed') && lastRun.hostKey;
  return (
    <Table.Tr data-testid="machine-row" data-target-id={target.id}>
      <Table.Td>
        <Text ff="monospace" fw={600} size="sm">
          {target.hostName}
        </Text>
        <Text ff="monospace" size="xs" c="dimmed">
          {target.username ? `${row.credential?.username ?? target.username}@` : ''}
          {target.address}:{target.port}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray" tt="none">
          {target.role || '—'}
        </Badge>
        {item && (
          <Text size="xs" c="dimmed" ff="monospace">
            {item.expectedSerial ?? item.foundSerial ?? ''}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant={row.credential ? 'subtle' : 'light'}
          color={row.credential ? 'gray' : 'orange'}
          leftSection={<IconKey size={12} />}
          onClick={onCredential}
          data-testid="open-credential"
        >
          {credentialLabel(row)}
        </Button>
        <Text size="xs" c="dimmed">
          {row.hostKeys.length === 0
            ? t('site.machines.machineRow.noTrustedHostKey')
            : t('site.machines.machineRow.trustedKeys', { count: row.hostKeys.length })}
        </Text>
      </Table.Td>
      <Table.Td miw={260}>
        {live && live.phase !== 'done' ? (
          <Stack gap={2}>
            <Progress
              value={PHASE_PERCENT[live.phase]}
              animated
              size="sm"
              aria-label={t('site.machines.machineRow.checkProgress')}
              data-testid="host-progress"
              data-phase={live.phase}
            />
            <Text size="xs" c="dimmed">
              {PHASE_LABEL[live.phase]}
            </Text>
          </Stack>
        ) : lastRun ? (
          <Stack gap={2}>
            <Group gap="xs" wrap="nowrap">
              <OutcomeBadge outcome={lastRun.outcome} counts={lastRun.counts} />
              {lastRun.outcome === 'completed' && <CountsText counts={lastRun.counts} />}
              <Button size="compact-xs" variant="subtle" onClick={() => onDetail(lastRun.id)} data-testid="open-run">
                {t('site.machines.machineRow.details')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {lastRun.outcome === 'windows' ? windowsNote() : lastRun.outcome !== 'completed' && lastRun.message ? lastRun.message : ''}{' '}
              <Time iso={lastRun.finishedAt ?? lastRun.startedAt} />
            </Text>
            {keyTrouble && (
              <Button
                size="compact-xs"
                color={lastRun.outcome === 'host_key_changed' ? 'red' : 'yellow'}
                variant="light"
                onClick={onHostKey}
                style={{ alignSelf: 'flex-start' }}
                data-testid="open-host-key"
              >
                {lastRun.outcome === 'host_key_changed'
                  ? t('site.machines.machineRow.hostKeyChanged')
                  : t('site.machines.machineRow.trustHostKey')}
              </Button>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('site.machines.machineRow.notCheckedYet')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('site.machines.machineRow.checkThisMachine')}>
          <ActionIcon
            variant="subtle"
            disabled={busy}
            onClick={onCheck}
            aria-label={t('site.machines.machineRow.check', { hostName: target.hostName })}
            data-testid="check-one"
          >
            <IconPlayerPlay size={16} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
