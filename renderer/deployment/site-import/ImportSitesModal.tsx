import { Alert, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import type { SiteImportPreview } from '../../../shared/contract/site-import-methods';
import { SITE_IMPORT_FIELD_LABEL, siteImportFieldSchema, type SiteImportField } from '../../../shared/site-import/fields';
import { runCommand } from '../../api/command';
import { showSuccess } from '../../api/notify';
import { PreviewTable } from '../../site/inventory/import/PreviewTable';
import { useSync } from '../../sync/sync-store';
import { remapSites, previewSiteFile } from './send-sites';
import { SiteDiffList } from './SiteDiffList';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const FIELD_OPTIONS = siteImportFieldSchema.options.map((f) => ({ value: f, label: SITE_IMPORT_FIELD_LABEL[f] }));

interface Props {
  deploymentId: string;
  onClose: () => void;
}

/** Choose a site list (CSV or XLSX), check the preview (mapping, row errors, what changes per site), then import all rows or none. */
export function ImportSitesModal({ deploymentId, onClose }: Props) {
  const t = useText();
  const signedIn = useSync((s) => s.status?.account != null);
  const [preview, setPreview] = useState<SiteImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // A new input after each read, so choosing the same (edited) file again reads it again.
  const [inputKey, setInputKey] = useState(0);

  async function choose(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    const result = await previewSiteFile(deploymentId, file, signedIn);
    setBusy(false);
    setInputKey((k) => k + 1);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  }

  async function changeMapping(mapping: SiteImportField[]) {
    if (!preview) return;
    setBusy(true);
    const result = await remapSites(deploymentId, preview, mapping);
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const done = await runCommand(
      'siteImport.commit',
      { previewId: preview.previewId },
      { refresh: ['sites', 'deployments'], errorTitle: appText('deployment.siteImport.importSitesModal.nothingImported') },
    );
    setBusy(false);
    if (done) {
      showSuccess(
        appText('deployment.siteImport.importSitesModal.sitesImportedCreatedUpdated', {
          created: done.created,
          updated: done.updated,
          unchanged: done.unchanged,
        }),
      );
      setPreview(null);
      onClose();
    }
  }

  const c = preview?.counts;
  const ready = preview !== null && preview.fileErrors.length === 0 && preview.errorCount === 0;
  const changing = c ? c.new + c.changed : 0;

  return (
    <Modal opened onClose={onClose} title={t('deployment.siteImport.importSitesModal.importSitesCsvOr')} size="95%">
      <Stack gap="sm" data-testid="site-import">
        <Text size="sm" c="dimmed">
          {t('deployment.siteImport.importSitesModal.oneRowPerSite')}
        </Text>
        <input
          key={inputKey}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
          disabled={busy}
          aria-label={t('deployment.siteImport.importSitesModal.siteListFile')}
          data-testid="site-import-file"
        />
        {busy && <Text size="sm">{t('deployment.siteImport.importSitesModal.reading')}</Text>}
        {error && (
          <Alert color="red" title={t('deployment.siteImport.importSitesModal.thisFileCannotBe')} data-testid="site-import-file-error">
            {error.message}
          </Alert>
        )}
        {preview && c && (
          <>
            <Group gap="xs">
              <Badge variant="light" color="teal">
                {t('deployment.siteImport.importSitesModal.new', { new: c.new })}
              </Badge>
              <Badge variant="light" color="blue">
                {t('deployment.siteImport.importSitesModal.changed', { changed: c.changed })}
              </Badge>
              <Badge variant="light" color="gray">
                {t('deployment.siteImport.importSitesModal.unchanged', { unchanged: c.unchanged })}
              </Badge>
              {preview.errorCount > 0 && (
                <Badge variant="light" color="red">
                  {t('deployment.siteImport.importSitesModal.withErrors', { errorCount: preview.errorCount })}
                </Badge>
              )}
              <Text size="sm" fw={600}>
                {preview.fileName}
              </Text>
              <Text size="sm" data-testid="site-import-summary">
                {t('deployment.siteImport.importSitesModal.rowsNewChangedUnchanged', {
                  rowCount: preview.rowCount,
                  new: c.new,
                  changed: c.changed,
                  unchanged: c.unchanged,
                  errorCount: preview.errorCount,
                })}
              </Text>
            </Group>
            {preview.untouchedCount > 0 && (
              <Text size="sm" c="dimmed" data-testid="site-import-untouched">
                {t('deployment.siteImport.importSitesModal.untouched', { count: preview.untouchedCount })}
              </Text>
            )}
            {preview.fileErrors.length > 0 && (
              <Alert
                color="red"
                title={t('deployment.siteImport.importSitesModal.fixTheColumnMapping')}
                data-testid="site-import-file-error"
              >
                <List size="sm">
                  {preview.fileErrors.map((e) => (
                    <List.Item key={e.code + e.message}>{e.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {preview.rowErrors.length > 0 && (
              <Alert
                color="red"
                title={t('deployment.siteImport.importSitesModal.rowErrors', { count: preview.errorCount })}
                data-testid="site-import-row-errors"
              >
                <List size="sm">
                  {preview.rowErrors.slice(0, 50).map((e, i) => (
                    <List.Item key={i}>
                      {t('deployment.siteImport.importSitesModal.row', { row: e.row })}
                      {e.column ? `, ${e.column}` : ''}: {e.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {preview.warningCount > 0 && (
              <Alert
                color="yellow"
                title={t('deployment.siteImport.importSitesModal.scheduleWarningsTheyDo', { warningCount: preview.warningCount })}
                data-testid="site-import-warnings"
              >
                <List size="sm">
                  {preview.warnings.slice(0, 30).map((w, i) => (
                    <List.Item key={i}>
                      {w.siteCode}: {w.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <SiteDiffList preview={preview} />
            <PreviewTable preview={preview} fieldOptions={FIELD_OPTIONS} busy={busy} onMapping={(m) => void changeMapping(m)} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deployment.siteImport.importSitesModal.cancel')}
          </Button>
          <Button
            disabled={!ready || changing === 0}
            loading={busy && preview !== null}
            onClick={() => void commit()}
            data-testid="site-import-commit"
          >
            {ready && changing > 0
              ? t('deployment.siteImport.importSitesModal.importSites', { count: changing })
              : t('deployment.siteImport.importSitesModal.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
