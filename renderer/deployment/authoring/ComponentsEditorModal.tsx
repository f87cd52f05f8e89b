import { Button, Group, Modal, SegmentedControl, Select, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Component } from '../../../shared/domain/deployment';
import { useMutation } from '../../api/useMutation';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

type Draft = Pick<Component, 'name' | 'kind' | 'scope'> & { targetVersion: string; manufacturer: string; model: string };
const EMPTY: Draft = { name: '', kind: 'software', scope: 'site', targetVersion: '', manufacturer: '', model: '' };

function draftOf(c: Component): Draft {
  return {
    name: c.name,
    kind: c.kind,
    scope: c.scope,
    targetVersion: c.targetVersion ?? '',
    manufacturer: c.manufacturer ?? '',
    model: c.model ?? '',
  };
}

/** Components of a deployment: software with a target version, hardware with maker and model. */
export function ComponentsEditorModal({
  deploymentId,
  components,
  opened,
  onClose,
}: {
  deploymentId: string;
  components: readonly Component[];
  opened: boolean;
  onClose: () => void;
}) {
  const t = useText();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { run, pending, fieldErrors } = useMutation({ fields: ['name', 'targetVersion', 'manufacturer', 'model'] });
  const ready =
    draft.name.trim() && (draft.kind === 'software' ? draft.targetVersion.trim() : draft.manufacturer.trim() && draft.model.trim());

  async function save() {
    const fields = {
      name: draft.name,
      kind: draft.kind,
      scope: draft.scope,
      targetVersion: draft.kind === 'software' ? draft.targetVersion : null,
      manufacturer: draft.kind === 'hardware' ? draft.manufacturer : null,
      model: draft.kind === 'hardware' ? draft.model : null,
    };
    const done = editing
      ? await run(
          'components.update',
          { componentId: editing, ...fields },
          { refresh: ['deployments'], success: appText('deployment.authoring.componentsEditorModal.componentSaved') },
        )
      : await run(
          'components.create',
          { deploymentId, ...fields },
          { refresh: ['deployments'], success: appText('deployment.authoring.componentsEditorModal.componentAdded') },
        );
    if (!done) return;
    setEditing(null);
    setDraft(EMPTY);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.authoring.componentsEditorModal.components')} size="xl">
      <Stack gap="sm" data-testid="components-editor">
        {components.length > 0 && (
          <Table fz="xs" verticalSpacing={4}>
            <Table.Tbody>
              {components.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td>{c.kind}</Table.Td>
                  <Table.Td>{c.scope}</Table.Td>
                  <Table.Td>{c.kind === 'software' ? c.targetVersion : `${c.manufacturer ?? ''} ${c.model ?? ''}`}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" onClick={() => (setEditing(c.id), setDraft(draftOf(c)))}>
                      {t('deployment.authoring.componentsEditorModal.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs" align="flex-end">
          <SegmentedControl
            size="xs"
            data={['software', 'hardware']}
            value={draft.kind}
            onChange={(v) => setDraft({ ...draft, kind: v as Draft['kind'] })}
          />
          <Select
            size="xs"
            label={t('deployment.authoring.componentsEditorModal.scope')}
            w={100}
            data={['core', 'site']}
            value={draft.scope}
            onChange={(v) => v && setDraft({ ...draft, scope: v as Draft['scope'] })}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            label={t('deployment.authoring.componentsEditorModal.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            flex={1}
            error={fieldErrors.name}
            data-testid="component-name"
          />
          {draft.kind === 'software' ? (
            <TextInput
              size="xs"
              label={t('deployment.authoring.componentsEditorModal.targetVersion')}
              value={draft.targetVersion}
              onChange={(e) => setDraft({ ...draft, targetVersion: e.currentTarget.value })}
              error={fieldErrors.targetVersion}
              data-testid="component-version"
            />
          ) : (
            <>
              <TextInput
                size="xs"
                label={t('deployment.authoring.componentsEditorModal.maker')}
                value={draft.manufacturer}
                onChange={(e) => setDraft({ ...draft, manufacturer: e.currentTarget.value })}
                error={fieldErrors.manufacturer}
              />
              <TextInput
                size="xs"
                label={t('deployment.authoring.componentsEditorModal.model')}
                value={draft.model}
                onChange={(e) => setDraft({ ...draft, model: e.currentTarget.value })}
                error={fieldErrors.model}
              />
            </>
          )}
          <Button size="xs" loading={pending} disabled={!ready} onClick={() => void save()} data-testid="save-component">
            {editing ? t('deployment.authoring.componentsEditorModal.save') : t('deployment.authoring.componentsEditorModal.add')}
          </Button>
          {editing && (
            <Button size="xs" variant="default" onClick={() => (setEditing(null), setDraft(EMPTY))}>
              {t('deployment.authoring.componentsEditorModal.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
