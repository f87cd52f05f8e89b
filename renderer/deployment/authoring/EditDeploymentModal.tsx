import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Deployment } from '../../../shared/domain/deployment';
import { deploymentStatusSchema } from '../../../shared/domain/enums';
import { useMutation } from '../../api/useMutation';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const STATUSES = deploymentStatusSchema.options;

/** Edit a deployment's name, version, description, quiet period; status moves forward only. */
export function EditDeploymentModal({ deployment, opened, onClose }: { deployment: Deployment; opened: boolean; onClose: () => void }) {
  const t = useText();
  const [form, setForm] = useState(deployment);
  const { run, pending, fieldErrors } = useMutation({ fields: ['name', 'version', 'quietPeriodDays', 'status'] });
  useEffect(() => {
    if (opened) setForm(deployment);
  }, [opened, deployment]);
  const from = STATUSES.indexOf(deployment.status);

  async function save() {
    const done = await run(
      'deployments.update',
      {
        deploymentId: deployment.id,
        name: form.name,
        version: form.version,
        description: form.description,
        quietPeriodDays: form.quietPeriodDays,
        status: form.status,
      },
      { refresh: ['deployments'], success: appText('deployment.authoring.editDeploymentModal.deploymentSaved') },
    );
    if (done) onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.authoring.editDeploymentModal.editDeployment')} size="lg">
      <Stack gap="sm" data-testid="edit-deployment-form">
        <Group grow>
          <TextInput
            label={t('deployment.authoring.editDeploymentModal.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            maxLength={200}
            error={fieldErrors.name}
          />
          <TextInput
            label={t('deployment.authoring.editDeploymentModal.version')}
            value={form.version}
            onChange={(e) => setForm({ ...form, version: e.currentTarget.value })}
            maxLength={60}
          />
        </Group>
        <Textarea
          label={t('deployment.authoring.editDeploymentModal.description')}
          autosize
          minRows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
        <Group grow>
          <Select
            label={t('deployment.authoring.editDeploymentModal.status')}
            description={t('deployment.authoring.editDeploymentModal.movesForwardOnly')}
            data={STATUSES.map((s, i) => ({ value: s, label: s.replace('_', ' '), disabled: i < from }))}
            value={form.status}
            onChange={(v) => v && setForm({ ...form, status: v as Deployment['status'] })}
            allowDeselect={false}
          />
          <NumberInput
            label={t('deployment.authoring.editDeploymentModal.quietPeriodDays')}
            min={0}
            max={365}
            value={form.quietPeriodDays}
            onChange={(v) => setForm({ ...form, quietPeriodDays: typeof v === 'number' ? v : 0 })}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deployment.authoring.editDeploymentModal.cancel')}
          </Button>
          <Button loading={pending} disabled={!form.name.trim()} onClick={() => void save()} data-testid="save-deployment">
            {t('deployment.authoring.editDeploymentModal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
