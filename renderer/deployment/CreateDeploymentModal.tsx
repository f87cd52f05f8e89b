import { Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from '../api/useMutation';
import { useNavigation } from '../state/navigation';
import { useCreateDeployment } from './create-deployment';
import { NewFromTemplateModal } from './template/NewFromTemplateModal';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

export function CreateDeploymentModal() {
  const t = useText();
  const open = useCreateDeployment((s) => s.open);
  const setOpen = useCreateDeployment((s) => s.setOpen);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [description, setDescription] = useState('');
  const [quietPeriodDays, setQuiet] = useState<number>(14);
  const [fromTemplate, setFromTemplate] = useState(false);
  const { run, pending, fieldErrors } = useMutation({ fields: ['name', 'version', 'description', 'quietPeriodDays'] });

  async function create() {
    const created = await run(
      'deployments.create',
      { name, version, description, quietPeriodDays },
      { refresh: ['deployments'], success: appText('deployment.createDeploymentModal.draftDeploymentCreated') },
    );
    if (!created) return;
    setOpen(false);
    setName('');
    setVersion('');
    setDescription('');
    selectDeployment(created.id);
  }

  return (
    <>
      <NewFromTemplateModal opened={fromTemplate} onClose={() => setFromTemplate(false)} />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('deployment.createDeploymentModal.newDeployment')} size="md">
        <Stack gap="sm">
          <TextInput
            label={t('deployment.createDeploymentModal.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
            maxLength={200}
            error={fieldErrors.name}
          />
          <TextInput
            label={t('deployment.createDeploymentModal.version')}
            placeholder="e.g. 2025.3"
            value={version}
            onChange={(e) => setVersion(e.currentTarget.value)}
            maxLength={60}
          />
          <Textarea
            label={t('deployment.createDeploymentModal.description')}
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NumberInput
            label={t('deployment.createDeploymentModal.quietPeriodDays')}
            description={t('deployment.createDeploymentModal.howLongAfterThe')}
            size="xs"
            min={0}
            max={365}
            value={quietPeriodDays}
            onChange={(v) => setQuiet(typeof v === 'number' ? v : 0)}
          />
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              mr="auto"
              onClick={() => {
                setOpen(false);
                setFromTemplate(true);
              }}
              data-testid="new-from-template"
            >
              {t('deployment.createDeploymentModal.fromADeploymentOr')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('deployment.createDeploymentModal.cancel')}
            </Button>
            <Button loading={pending} disabled={name.trim() === ''} onClick={() => void create()} data-testid="create-deployment">
              {t('deployment.createDeploymentModal.createDraft')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
