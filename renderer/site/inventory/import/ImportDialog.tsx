import { Alert, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/contract';
import type { ImportPreview } from '../../../../shared/contract/inventory-import-methods';
import { IMPORT_FIELD_LABEL, importFieldSchema, type ImportField } from '../../../../shared/inventory-import/fields';
import { runCommand } from '../../../api/command';
import { PreviewTable } from './PreviewTable';
import { previewFile, remap } from './send-file';
import { useText } from '../../../i18n/i18n';
import { appText } from '../../../i18n/app-text';

const FIELD_OPTIONS = importFieldSchema.options.map((f) => ({ value: f, label: IMPORT_FIELD_LABEL[f] }));
const LAYOUT_LABEL: Record<ImportPreview['layout'], string> = {
  'snipe-it': 'Snipe-IT assets',
  netbox: 'NetBox devices',
  custom: 'Unrecognised layout',
};

interface Props {
  opened: boolean;
  deploymentId: string;
  siteId: string;
  siteCode: string;
  onClose: () => void;
}

/** Choose a CSV or XLSX file, check the preview (mapping, row errors), then import all rows or none. */
export function ImportDialog({ opened, deploymentId, siteId, siteCode, onClose }: Props) {
  const t = useText();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  function reset() {
    setPreview(null);
    setError(null);
    setInputKey((k) => k + 1);
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    const result = await previewFile(deploymentId, siteId, file);
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  }

  async function changeMapping(mapping: ImportField[]) {
    if (!preview) return;
    setBusy(true);
    const result = await remap(deploymentId, siteId, preview, mapping);
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const done = await runCommand(
      'inventoryImport.commit',
      { previewId: preview.previewId },
      {
        refresh: ['inventory', 'sites'],
        errorTitle: appText('site.inventory.import.importDialog.nothingImported'),
        success: appText('site.inventory.import.importDialog.itemsImported', { count: preview.validCount }),
      },
    );
    setBusy(false);
    if (done) {
      reset();
      onClose();
    }
  }

  const canImport =
    preview !== null && preview.status === 'ready' && preview.fileErrors.length === 0 && preview.errorCount === 0 && preview.validCount > 0;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('site.inventory.import.importDialog.importInventoryCsvOr')}
      size="90%"
    >
      <Stack gap="sm" data-testid="inventory-import">
        <Text size="sm" c="dimmed">
          {t('site.inventory.import.importDialog.snipeItAssetExports', { siteCode })}
        </Text>
        <input
          key={inputKey}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
          disabled={busy}
          data-testid="import-file"
        />
        {busy && (
          <Text size="sm" data-testid="import-busy">
            {t('site.inventory.import.importDialog.reading')}
          </Text>
        )}
        {error && (
          <Alert color="red" title={t('site.inventory.import.importDialog.thisFileCannotBe')} data-testid="import-file-error">
            {error.message}
          </Alert>
        )}
        {preview?.status === 'failed' && (
          <Alert color="red" title={t('site.inventory.import.importDialog.thisFileCannotBe')} data-testid="import-file-error">
            {preview.failure?.message}
          </Alert>
        )}
        {preview?.status === 'ready' && (
          <>
            <Group gap="xs">
              <Badge variant="light" data-testid="import-layout" data-layout={preview.layout}>
                {LAYOUT_LABEL[preview.layout]}
              </Badge>
              <Text size="sm" data-testid="import-summary">
                {t('site.inventory.import.importDialog.rowsReadyWithErrors', {
                  rowCount: preview.rowCount,
                  validCount: preview.validCount,
                  errorCount: preview.errorCount,
                })}
              </Text>
            </Group>
            {preview.fileErrors.length > 0 && (
              <Alert color="red" title={t('site.inventory.import.importDialog.fixTheColumnMapping')} data-testid="import-file-error">
                <List size="sm">
                  {preview.fileErrors.map((e) => (
                    <List.Item key={e.code}>{e.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <PreviewTable preview={preview} fieldOptions={FIELD_OPTIONS} busy={busy} onMapping={(m) => void changeMapping(m)} />
          </>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button disabled={!canImport} loading={busy && preview !== null} onClick={() => void commit()} data-testid="import-commit">
            {preview && canImport
              ? t('site.inventory.import.importDialog.importRows', { validCount: preview.validCount })
              : t('site.inventory.import.importDialog.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
