import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useMutation } from '../api/useMutation';
import { useApiQuery } from '../api/useApiQuery';
import { useNavigation } from '../state/navigation';
import { useCreateDeployment } from './create-deployment';
import { useText } from '../i18n/i18n';

/** Nothing selected: either nothing exists yet, or the list is still loading. */
export function NoDeployment() {
  const t = useText();
  const list = useApiQuery('deployments.list', {}, ['deployments']);
  const openCreate = useCreateDeployment((s) => s.setOpen);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const { run, pending } = useMutation();

  if (!list.data || list.data.length > 0) return null;

  async function openSample() {
    const sample = await run('sample.open', {}, { refresh: ['deployments', 'sites'] });
    if (sample) selectDeployment(sample.deploymentId);
  }

  return (
    <Center flex={1} p="xl" data-testid="no-deployment">
      <Stack align="center" gap="sm" maw={440}>
        <ThemeIcon size={48} radius="xl" variant="light" color="gray">
          <IconPackage size={26} />
        </ThemeIcon>
        <Title order={3}>{t('deployment.noDeployment.noDeploymentsYet')}</Title>
        <Text size="sm" c="dimmed" ta="center">
          {t('deployment.noDeployment.aDeploymentIsA')}
        </Text>
        <Group mt="xs">
          <Button variant="default" loading={pending} onClick={() => void openSample()} data-testid="open-sample-empty">
            {t('deployment.noDeployment.openSampleDeployment')}
          </Button>
          <Button onClick={() => openCreate(true)} data-testid="new-deployment">
            {t('deployment.noDeployment.newDeployment')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
