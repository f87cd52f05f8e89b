import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import type { ApiError } from '../../shared/contract';
import { transportKind } from '../api/client';
import { useText } from '../i18n/i18n';
import { Trans } from 'react-i18next';

/** Shown when the very first call fails: the host is down, or this page has no valid token. */
export function StartupError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useText();
  const unauthorized = error.code === 'unauthorized';
  return (
    <Center h="100%" p="xl">
      <Stack maw={520} gap="md" data-testid="startup-error">
        <Title order={3}>{t('shell.startupError.outpostCannotStart')}</Title>
        <Alert
          color="red"
          icon={<IconPlugConnectedX size={18} />}
          title={unauthorized ? t('shell.startupError.thisWindowIsNot') : t('shell.startupError.noAnswerFromThe')}
        >
          <Text size="sm">{error.message}</Text>
        </Alert>
        {unauthorized && transportKind() === 'http' && (
          <Text size="sm" c="dimmed">
            <Trans t={t} i18nKey="shell.startupError.openWithLink" components={{ code: <Code /> }} />
          </Text>
        )}
        <Button variant="default" onClick={onRetry} w="fit-content">
          {t('shell.startupError.tryAgain')}
        </Button>
      </Stack>
    </Center>
  );
}
