import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useUi } from '../state/ui';
import { keyLabel, SHORTCUTS } from './shortcuts';
import { useText } from '../i18n/i18n';

export function ShortcutsModal() {
  const t = useText();
  const opened = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  return (
    <Modal
      opened={opened}
      onClose={() => setOpen(false)}
      title={t('shell.shortcutsModal.keyboardShortcuts')}
      size="md"
      data-testid="shortcuts-modal"
    >
      <Table verticalSpacing={6} fz="sm">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.label}>
              <Table.Td w={130}>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && (
                        <Text span size="xs" c="dimmed" mr={4}>
                          +
                        </Text>
                      )}
                      <Kbd size="sm">{keyLabel(k)}</Kbd>
                    </span>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        {t('shell.shortcutsModal.singleKeyShortcutsAre')}
      </Text>
    </Modal>
  );
}
