import { ActionIcon, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { REQUIREMENT_KINDS, type RequirementKind } from '../../../shared/checks/requirement-kinds';
import { useMutation } from '../../api/useMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { paramFields, toParams } from './requirement-fields';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/** Typed requirements: pick a kind, fill in its fields; the core validates them against the kind's schema. */
export function RequirementEditorModal({ deploymentId, opened, onClose }: { deploymentId: string; opened: boolean; onClose: () => void }) {
  const t = useText();
  const list = useApiQuery('requirements.list', { deploymentId }, ['deployments']);
  const [kind, setKind] = useState<RequirementKind>('package');
  const [description, setDescription] = useState('');
  const [targetRole, setTargetRole] = useState('');
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const { run, pending } = useMutation();
  const fields = useMemo(() => paramFields(kind), [kind]);

  async function add() {
    const done = await run(
      'requirements.create',
      { deploymentId, kind, description, targetRole: targetRole.trim() || null, params: toParams(fields, values) },
      { refresh: ['deployments'], success: appText('deployment.authoring.requirementEditorModal.requirementAdded') },
    );
    if (!done) return;
    setValues({});
    setDescription('');
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.authoring.requirementEditorModal.requirements')} size="xl">
      <Stack gap="sm" data-testid="requirement-editor">
        <Table fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {(list.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td ff="monospace">{r.kind}</Table.Td>
                <Table.Td>{r.description}</Table.Td>
                <Table.Td>{r.targetRole ?? t('deployment.authoring.requirementEditorModal.allTargets')}</Table.Td>
                <Table.Td ta="right">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('deployment.authoring.requirementEditorModal.delete', { description: r.description })}
                    onClick={() => void run('requirements.delete', { requirementId: r.id }, { refresh: ['deployments'] })}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" fw={600}>
          {t('deployment.authoring.requirementEditorModal.addARequirement')}
        </Text>
        <Group gap="xs" grow>
          <Select
            size="xs"
            label={t('deployment.authoring.requirementEditorModal.kind')}
            data={REQUIREMENT_KINDS}
            value={kind}
            onChange={(v) => v && (setKind(v as RequirementKind), setValues({}))}
            searchable
            allowDeselect={false}
            data-testid="requirement-kind"
          />
          <TextInput
            size="xs"
            label={t('deployment.authoring.requirementEditorModal.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            label={t('deployment.authoring.requirementEditorModal.targetRole')}
            placeholder={t('deployment.authoring.requirementEditorModal.allTargets2')}
            value={targetRole}
            onChange={(e) => setTargetRole(e.currentTarget.value)}
          />
        </Group>
        <SimpleGrid cols={3} spacing="xs">
          {fields.map((f) =>
            f.type === 'boolean' ? (
              <Checkbox
                key={f.key}
                size="xs"
                mt={22}
                label={f.key}
                checked={values[f.key] === undefined ? f.defaultValue === true : values[f.key] === true}
                onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.checked })}
              />
            ) : f.type === 'enum' ? (
              <Select
                key={f.key}
                size="xs"
                label={f.key}
                data={f.options ?? []}
                value={typeof values[f.key] === 'string' ? (values[f.key] as string) : null}
                onChange={(v) => setValues({ ...values, [f.key]: v ?? '' })}
                clearable={!f.required}
                placeholder={f.defaultValue === undefined ? undefined : String(f.defaultValue)}
              />
            ) : (
              <TextInput
                key={f.key}
                size="xs"
                label={f.key}
                required={f.required}
                description={f.type === 'list' ? t('deployment.authoring.requirementEditorModal.commaSeparated') : undefined}
                placeholder={f.defaultValue === undefined ? undefined : String(f.defaultValue)}
                value={typeof values[f.key] === 'string' ? (values[f.key] as string) : ''}
                onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
                data-testid={`requirement-param-${f.key}`}
              />
            ),
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button size="xs" loading={pending} onClick={() => void add()} data-testid="save-requirement">
            {t('deployment.authoring.requirementEditorModal.addRequirement')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
