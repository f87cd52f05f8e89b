import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ApiError } from '../../shared/contract';
import { useText } from '../i18n/i18n';

/** A query that failed: what and why, with a way to try again (e.g. after the host came back). */
export function QueryError({ title, error, onRetry, m }: { title: string; error: ApiError; onRetry: () => void; m?: string }) {
  const t = useText();
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={18} />} m={m} data-testid="query-error">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{error.message}</Text>
        <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
          {t('shell.queryError.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
