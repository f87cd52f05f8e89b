import { ActionIcon, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SiteSummary } from '../../../shared/domain/site';
import { useMutation } from '../../api/useMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { MachineForm } from './MachineForm';
import { useText } from '../../i18n/i18n';

/** A site's target machines: add, edit, remove, link to an inventory item of the site. */
export function MachinesEditorModal({ site, onClose }: { site: SiteSummary; onClose: () => void }) {
  const t = useText();
  const machines = useApiQuery('machines.list', { siteId: site.id }, ['machines']);
  const inventory = useApiQuery('inventory.list', { siteId: site.id, limit: 500 }, ['inventory']);
  const [editing, setEditing] = useState<string | null>(null);
  const { run } = useMutation();
  const choices = (inventory.data?.items ?? []).map((i) => ({
    value: i.id,
    label: [i.expectedSerial ?? i.foundSerial, i.model].filter(Boolean).join(' · ') || i.id,
  }));
  const list = machines.data ?? [];

  return (
    <Modal opened onClose={onClose} title={t('deployment.authoring.machinesEditorModal.targetMachinesOf', { code: site.code })} size="90%">
      <Stack gap="sm" data-testid="machines-editor">
        {list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('deployment.authoring.machinesEditorModal.noTargetMachinesYet')}
          </Text>
        )}
        {list.length > 0 && (
          <Table fz="xs" verticalSpacing={4}>
            <Table.Tbody>
              {list.map((m) =>
                editing === m.id ? (
                  <Table.Tr key={m.id}>
                    <Table.Td colSpan={5}>
                      <MachineForm siteId={site.id} machine={m} inventory={choices} onDone={() => setEditing(null)} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={m.id}>
                    <Table.Td ff="monospace">{m.hostName}</Table.Td>
                    <Table.Td ff="monospace">
                      {m.username ? `${m.username}@` : ''}
                      {m.address}:{m.port}
                    </Table.Td>
                    <Table.Td>{m.role || '—'}</Table.Td>
                    <Table.Td>
                      {m.inventoryItemId
                        ? (choices.find((c) => c.value === m.inventoryItemId)?.label ??
                          t('deployment.authoring.machinesEditorModal.linked'))
                        : '—'}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m.id)}>
                          {t('deployment.authoring.machinesEditorModal.edit')}
                        </Button>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('deployment.authoring.machinesEditorModal.remove', { hostName: m.hostName })}
                          onClick={() =>
                            void run(
                              'machines.delete',
                              { machineId: m.id },
                              { refresh: ['machines', 'sites'], success: t('deployment.authoring.machinesEditorModal.machineRemoved') },
                            )
                          }
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" fw={600}>
          {t('deployment.authoring.machinesEditorModal.addAMachine')}
        </Text>
        <MachineForm siteId={site.id} inventory={choices} onDone={() => undefined} />
      </Stack>
    </Modal>
  );
}
