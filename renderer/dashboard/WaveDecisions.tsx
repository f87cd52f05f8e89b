import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { Dashboard, WaveFigures } from '../../shared/contract/dashboard-methods';
import { formatDateTime } from '../format/time';
import { useText } from '../i18n/i18n';

interface Props {
  dashboard: Dashboard;
  canDecide: boolean;
  onDecide: (wave: WaveFigures) => void;
}

/** Each wave with its go / no-go decisions (newest first): who, when and the note. */
export function WaveDecisions({ dashboard, canDecide, onDecide }: Props) {
  const t = useText();
  const waves = dashboard.waves.filter((w) => w.waveId !== null);
  if (waves.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb="xs">
        {t('dashboard.waveDecisions.waveDecisions')}
      </Text>
      <Stack gap="xs">
        {waves.map((w) => {
          const latest = w.decisions[0];
          return (
            <div key={w.waveId} data-testid="wave-decisions" data-wave-name={w.name}>
              <Group gap="xs" justify="space-between">
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {w.name}
                  </Text>
                  {w.isPilot && (
                    <Badge size="xs" variant="outline">
                      {t('dashboard.waveDecisions.pilot')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('dashboard.waveDecisions.signedOff', { signed_off: w.byStatus.signed_off, sites: w.sites })}
                  </Text>
                  {latest ? (
                    <Badge size="sm" color={latest.decision === 'go' ? 'green' : 'red'} data-testid="wave-latest-decision">
                      {latest.decision === 'go' ? t('dashboard.waveDecisions.go') : t('dashboard.waveDecisions.noGo')}
                    </Badge>
                  ) : (
                    <Badge size="sm" color="gray" variant="light">
                      {t('dashboard.waveDecisions.noDecision')}
                    </Badge>
                  )}
                </Group>
                {canDecide && (
                  <Button size="compact-xs" variant="light" onClick={() => onDecide(w)} data-testid="decide-wave">
                    {t('dashboard.waveDecisions.goNoGo')}
                  </Button>
                )}
              </Group>
              {w.decisions.length > 0 && (
                <Table fz="xs" verticalSpacing={2} mt={4}>
                  <Table.Tbody>
                    {w.decisions.map((d) => (
                      <Table.Tr key={d.id} data-testid="wave-decision-row">
                        <Table.Td w={70}>
                          <Badge size="xs" variant="light" color={d.decision === 'go' ? 'green' : 'red'}>
                            {d.decision === 'go' ? t('dashboard.waveDecisions.go') : t('dashboard.waveDecisions.noGo')}
                          </Badge>
                        </Table.Td>
                        <Table.Td w={170}>{formatDateTime(d.decidedAt)}</Table.Td>
                        <Table.Td w={160}>{d.decidedBy}</Table.Td>
                        <Table.Td>
                          {d.note || (
                            <Text span size="xs" c="dimmed">
                              {t('dashboard.waveDecisions.noNote')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
