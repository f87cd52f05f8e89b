import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import type { ApiError } from '../../shared/contract';
import { transportKind } from '../api/client';

/** Shown when the very first call fails: the host is down, or this page has no valid token. */
export function StartupError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const unauthorized = error.code === 'unauthorized';
  return (
    <Center h="100%" p="xl">
      <Stack maw={520} gap="md" data-testid="startup-error">
        <Title order={3}>Outpost cannot start</Title>
        <Alert color="red" icon={<IconPlugConnectedX size={18} />} title={unauthorized ? 'This window is not authorized' : 'No answer from the Outpost core'}>
          <Text size="sm">{error.message}</Text>
        </Alert>
        {unauthorized && transportKind() === 'http' && (
          <Text size="sm" c="dimmed">
            Open Outpost with the link printed by the launcher (it ends with <Code>#token=…</Code>). The link is valid for
            this launch only.
          </Text>
        )}
        <Button variant="default" onClick={onRetry} w="fit-content">
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
