import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../../api/client';
import { showApiError, showSuccess } from '../../../api/notify';
import { useApiQuery } from '../../../api/useApiQuery';
import { downloadText } from './file-to-base64';
import { ImportDialog } from './ImportDialog';
import { useText } from '../../../i18n/i18n';

/** "Import…" (opens the import dialog) and "Export…" (CSV in the Snipe-IT or NetBox layout). */
export function ImportExportActions({ siteId }: { siteId: string }) {
  const t = useText();
  const site = useApiQuery('sites.get', { siteId }, ['sites']);
  const [open, setOpen] = useState(false);
  // Below 1200 px (a 1024 px laptop) the two actions are icons, so they share the toolbar's line.
  const compact = useMediaQuery('(max-width: 1199px)') ?? false;

  async function exportAs(layout: 'snipe-it' | 'netbox') {
    const result = await call('inventoryImport.export', { siteId, layout });
    if (!result.ok) {
      showApiError(result.error, 'Export failed');
      return;
    }
    downloadText(result.value.fileName, result.value.csv);
    showSuccess(`${result.value.rowCount} items exported to ${result.value.fileName}`);
  }

  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {compact ? (
        <Tooltip label={t('site.inventory.import.importExportActions.import')}>
          <ActionIcon
            size="lg"
            variant="subtle"
            aria-label={t('site.inventory.import.importExportActions.import')}
            disabled={!site.data}
            onClick={() => setOpen(true)}
            data-testid="inventory-import-open"
          >
            <IconUpload size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          size="sm"
          variant="subtle"
          px={8}
          leftSection={<IconUpload size={16} />}
          disabled={!site.data}
          onClick={() => setOpen(true)}
          data-testid="inventory-import-open"
        >
          {t('site.inventory.import.importExportActions.import')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          {compact ? (
            <ActionIcon
              size="lg"
              variant="subtle"
              aria-label={t('site.inventory.import.importExportActions.export')}
              data-testid="inventory-export"
            >
              <IconDownload size={18} />
            </ActionIcon>
          ) : (
            <Button size="sm" variant="subtle" px={8} leftSection={<IconDownload size={16} />} data-testid="inventory-export">
              {t('site.inventory.import.importExportActions.export')}
            </Button>
          )}
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportAs('snipe-it')} data-testid="inventory-export-snipe-it">
            {t('site.inventory.import.importExportActions.snipeItAssetCsv')}
          </Menu.Item>
          <Menu.Item onClick={() => void exportAs('netbox')} data-testid="inventory-export-netbox">
            {t('site.inventory.import.importExportActions.netboxDeviceCsv')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {site.data && (
        <ImportDialog
          opened={open}
          deploymentId={site.data.deploymentId}
          siteId={siteId}
          siteCode={site.data.code}
          onClose={() => setOpen(false)}
        />
      )}
    </Group>
  );
}
