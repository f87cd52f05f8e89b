import { Button, Code, Popover, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { formatDateTime } from '../format/time';
import { RetrustCertificate } from './RetrustCertificate';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';

type SyncError = NonNullable<SyncStatus['lastError']>;

/** The last sync error in one word, with a "Details" popover: code, message, technical detail, when. */
export function SyncErrorDetails({ error }: { error: SyncError }) {
  const t = useText();
  const serverUrl = useSync((s) => s.status?.account?.serverUrl);
  return (
    <Popover position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          leftSection={<IconAlertTriangle size={12} />}
          aria-label={t('sync.syncErrorDetails.syncErrorDetails', { message: error.message })}
          data-testid="sync-error-details"
        >
          {t('sync.syncErrorDetails.details')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {/* Scrolls as a whole (a certificate comparison is tall); its parts keep their height. */}
        <div style={{ maxHeight: '75vh', overflowY: 'auto' }}>
          <Stack gap={6} data-testid="sync-error-popover" aria-label={t('sync.syncErrorDetails.lastSyncError')}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {error.message}
            </Text>
            <Text size="xs" c="dimmed">
              {t('sync.syncErrorDetails.code')} <Code>{error.code}</Code> · {formatDateTime(error.at)}
            </Text>
            {error.detail && (
              <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 200, overflow: 'auto' }}>
                {error.detail}
              </Code>
            )}
            {error.code === 'untrusted_server' && serverUrl && <RetrustCertificate serverUrl={serverUrl} />}
          </Stack>
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}
