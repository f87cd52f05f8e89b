import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconPlayerPause, IconRefresh } from '@tabler/icons-react';
import type { InterruptedHost } from '../../../shared/domain/check-run';
import { useApiQuery } from '../../api/useApiQuery';
import { Time } from '../../format/Time';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

/**
 * Machines whose check was cut short by a crash or restart and could not be resumed (for example
 * their password could not be read), per job, each job with a Retry button.
 */
export function InterruptedHosts({ siteId, busy, onRetry }: { siteId: string; busy: boolean; onRetry: (jobId: string) => void }) {
  const t = useText();
  const interrupted = useApiQuery('checks.interrupted', { siteId }, ['machines']);
  const list = interrupted.data ?? [];
  if (list.length === 0) return null;
  const byJob = new Map<string, InterruptedHost[]>();
  for (const host of list) byJob.set(host.jobId, [...(byJob.get(host.jobId) ?? []), host]);
  return (
    <Stack gap="xs" data-testid="interrupted-hosts">
      {[...byJob.entries()].map(([jobId, hosts]) => (
        <Alert
          key={jobId}
          color="orange"
          icon={<IconPlayerPause size={18} />}
          title={t('site.machines.interruptedHosts.checkInterrupted')}
          data-testid="interrupted-job"
          data-job-id={jobId}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Text size="sm">
                <Trans
                  t={t}
                  i18nKey="site.machines.interruptedHosts.cutShort"
                  components={{ time: <Time iso={hosts[0]!.jobStartedAt} /> }}
                />
              </Text>
              <List size="sm">
                {hosts.map((h) => (
                  <List.Item key={h.targetId ?? 'this-machine'} data-testid="interrupted-host">
                    <b>{h.label}</b>: {h.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} />}
              disabled={busy}
              onClick={() => onRetry(jobId)}
              data-testid="retry-interrupted"
            >
              {t('site.machines.interruptedHosts.retry')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
