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
import { useText } from '../../../i18n/i18n';
import { appText } from '../../../i18n/app-text';

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
  const t = useText();
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
      {
        refresh: ['inventory'],
        success: (value) => appText('site.inventory.labels.labelsModal.tagsGiven', { count: value.items.length }),
        errorTitle: appText('site.inventory.labels.labelsModal.noTagsGiven'),
      },
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('site.inventory.labels.labelsModal.assetLabels')}
      size="xl"
      data-testid="labels-modal"
    >
      <Stack gap="sm">
        {items.error && (
          <QueryError title={t('site.inventory.labels.labelsModal.itemsNotAvailable')} error={items.error} onRetry={items.reload} />
        )}
        <Text size="sm" c="dimmed">
          {t('site.inventory.labels.labelsModal.receivedAndSurplusHardware')}
        </Text>
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped highlightOnHover stickyHeader data-testid="labels-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label={t('site.inventory.labels.labelsModal.selectEveryItem')}
                    checked={allSelected}
                    indeterminate={chosen.length > 0 && !allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(list.map((item) => item.id)))}
                    data-testid="labels-select-all"
                  />
                </Table.Th>
                <Table.Th>{t('site.inventory.labels.labelsModal.assetTag')}</Table.Th>
                <Table.Th>{t('site.inventory.labels.labelsModal.serial')}</Table.Th>
                <Table.Th>{t('site.inventory.labels.labelsModal.model')}</Table.Th>
                <Table.Th>{t('site.inventory.labels.labelsModal.kind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => {
                const serial = item.foundSerial ?? item.expectedSerial ?? '';
                return (
                  <Table.Tr key={item.id} data-testid="labels-item" data-serial={serial}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('site.inventory.labels.labelsModal.select', { serial })}
                        checked={selected.has(item.id)}
                        onChange={() => toggle(item.id)}
                      />
                    </Table.Td>
                    <Table.Td ff="monospace" data-testid="labels-item-tag">
                      {item.assetTag || (
                        <Text span size="sm" c="dimmed">
                          {t('site.inventory.labels.labelsModal.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{serial}</Table.Td>
                    <Table.Td>{[item.manufacturer, item.model].filter(Boolean).join(' ')}</Table.Td>
                    <Table.Td>
                      {item.isSurplus && (
                        <Badge size="xs" variant="light" color="orange">
                          {t('site.inventory.labels.labelsModal.surplus')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {items.data && list.length === 0 && <Text size="sm">{t('site.inventory.labels.labelsModal.nothingReceivedOrRecorded')}</Text>}
        {items.data?.truncated && (
          <Text size="xs" c="dimmed">
            {t('site.inventory.labels.labelsModal.onlyTheFirstItems', { length: list.length })}
          </Text>
        )}
        {untagged.length > 0 && issuer?.problem && (
          <Alert color="yellow" title={t('site.inventory.labels.labelsModal.assetTagsCannotBe')} data-testid="labels-issuer-problem">
            {issuer.problem}
          </Alert>
        )}
        <Group align="flex-end" gap="sm">
          <Select
            label={t('site.inventory.labels.labelsModal.labelStock')}
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
              label={t('site.inventory.labels.labelsModal.positionsAlreadyUsed')}
              description={t('site.inventory.labels.labelsModal.ofOnTheFirst', { perSheet })}
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
            {untagged.length > 0
              ? t('site.inventory.labels.labelsModal.selectedUntagged', { selected: chosen.length, untagged: untagged.length })
              : t('site.inventory.labels.labelsModal.selected', { selected: chosen.length })}
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
              {t('site.inventory.labels.labelsModal.giveAssetTags', { length: untagged.length })}
            </Button>
            <Button
              leftSection={<IconPrinter size={16} />}
              disabled={chosen.length === 0}
              loading={printing}
              onClick={() => void print()}
              data-testid="labels-print"
            >
              {t('site.inventory.labels.labelsModal.printLabelsPdf')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
