import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconPrinter, IconTag } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { LABEL_LAYOUTS, labelLayoutIdSchema, labelsPerPage, type LabelLayoutId } from '../../../../shared/labels/label-layouts';
import { call } from '../../../api/client';
import { showApiError, showSuccess } from '../../../api/notify';
import { useApiQuery } from '../../../api/useApiQuery';
import { useMutation } from '../../../api/useMutation';
import { saveExportedFile } from '../../../closeout/save-file';
import { QueryError } from '../../../shell/QueryError';

const LAYOUT_KEY = 'outpost.labels.layout';
const LAYOUT_OPTIONS = labelLayoutIdSchema.options.map((id) => ({ value: id, label: LABEL_LAYOUTS[id].title }));

function rememberedLayout(): LabelLayoutId {
  const stored = localStorage.getItem(LAYOUT_KEY);
  return labelLayoutIdSchema.safeParse(stored).success ? (stored as LabelLayoutId) : 'avery_l7160';
}

/**
 * Asset labels for a site's received and surplus hardware: pick the items, give unlabelled surplus
 * items a tag from this device's sequence, and print the labels as a PDF for the chosen stock.
 */
export function LabelsModal({ siteId, opened, onClose }: { siteId: string; opened: boolean; onClose: () => void }) {
  const items = useApiQuery('labels.items', opened ? { siteId } : null, ['inventory']);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [layout, setLayout] = useState<LabelLayoutId>(rememberedLayout);
  const [skip, setSkip] = useState(0);
  const [printing, setPrinting] = useState(false);
  const tagging = useMutation();

  const list = useMemo(() => items.data?.items ?? [], [items.data]);
  const chosen = list.filter((item) => selected.has(item.id));
  const untagged = chosen.filter((item) => item.isSurplus && !item.assetTag);
  const issuer = items.data?.tagIssuer;
  const perSheet = labelsPerPage(LABEL_LAYOUTS[layout]);
  const allSelected = list.length > 0 && chosen.length === list.length;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function giveTags() {
    await tagging.run(
      'labels.assignTags',
      { siteId, itemIds: untagged.map((item) => item.id) },
      { refresh: ['inventory'], success: (value) => `${value.items.length} asset tag${value.items.length === 1 ? '' : 's'} given`, errorTitle: 'No asset tags given' },
    );
  }

  async function print() {
    setPrinting(true);
    const result = await call('labels.pdf', { siteId, itemIds: chosen.map((item) => item.id), layout, skip: perSheet > 1 ? skip : 0 });
    setPrinting(false);
    if (!result.ok) {
      showApiError(result.error, 'Labels not printed');
      return;
    }
    saveExportedFile(result.value);
    showSuccess(`${chosen.length} label${chosen.length === 1 ? '' : 's'} in ${result.value.fileName}`, 'Labels ready to print');
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Asset labels" size="xl" data-testid="labels-modal">
      <Stack gap="sm">
        {items.error && <QueryError title="Items not available" error={items.error} onRetry={items.reload} />}
        <Text size="sm" c="dimmed">
          Received and surplus hardware of this site. Each label carries the asset tag and the serial as Code 128 and QR, the model and the site code.
        </Text>
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped highlightOnHover stickyHeader data-testid="labels-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Select every item"
                    checked={allSelected}
                    indeterminate={chosen.length > 0 && !allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(list.map((item) => item.id)))}
                    data-testid="labels-select-all"
                  />
                </Table.Th>
                <Table.Th>Asset tag</Table.Th>
                <Table.Th>Serial</Table.Th>
                <Table.Th>Model</Table.Th>
                <Table.Th>Kind</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => {
                const serial = item.foundSerial ?? item.expectedSerial ?? '';
                return (
                  <Table.Tr key={item.id} data-testid="labels-item" data-serial={serial}>
                    <Table.Td>
                      <Checkbox aria-label={`Select ${serial}`} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                    </Table.Td>
                    <Table.Td ff="monospace" data-testid="labels-item-tag">
                      {item.assetTag || <Text span size="sm" c="dimmed">none</Text>}
                    </Table.Td>
                    <Table.Td ff="monospace">{serial}</Table.Td>
                    <Table.Td>{[item.manufacturer, item.model].filter(Boolean).join(' ')}</Table.Td>
                    <Table.Td>{item.isSurplus && <Badge size="xs" variant="light" color="orange">surplus</Badge>}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {items.data && list.length === 0 && <Text size="sm">Nothing received or recorded as surplus at this site yet.</Text>}
        {items.data?.truncated && <Text size="xs" c="dimmed">Only the first {list.length} items are listed.</Text>}
        {untagged.length > 0 && issuer?.problem && (
          <Alert color="yellow" title="Asset tags cannot be given on this device yet" data-testid="labels-issuer-problem">
            {issuer.problem}
          </Alert>
        )}
        <Group align="flex-end" gap="sm">
          <Select
            label="Label stock"
            data={LAYOUT_OPTIONS}
            value={layout}
            allowDeselect={false}
            onChange={(value) => {
              if (!value) return;
              setLayout(value as LabelLayoutId);
              localStorage.setItem(LAYOUT_KEY, value);
            }}
            w={360}
            data-testid="labels-layout"
          />
          {perSheet > 1 && (
            <NumberInput
              label="Positions already used"
              description={`of ${perSheet} on the first sheet`}
              min={0}
              max={perSheet - 1}
              value={skip}
              onChange={(value) => setSkip(typeof value === 'number' ? value : 0)}
              w={210}
              data-testid="labels-skip"
            />
          )}
        </Group>
        <Group justify="space-between">
          <Text size="sm" data-testid="labels-selected-count">
            {chosen.length} selected{untagged.length > 0 ? `, ${untagged.length} surplus without an asset tag` : ''}
          </Text>
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconTag size={16} />}
              disabled={untagged.length === 0 || !issuer?.issuer}
              loading={tagging.pending}
              onClick={() => void giveTags()}
              data-testid="labels-assign-tags"
            >
              Give asset tags ({untagged.length})
            </Button>
            <Button leftSection={<IconPrinter size={16} />} disabled={chosen.length === 0} loading={printing} onClick={() => void print()} data-testid="labels-print">
              Print labels (PDF)
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
