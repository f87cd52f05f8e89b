import { Alert, Button, Divider, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconCloudDownload, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiOutput } from '../../shared/contract';
import type { ReportFilePreview, ReportImportResult } from '../../shared/contract/site-report-methods';
import { showApiError } from '../api/notify';
import type { Topic } from '../api/refresh';
import { useMutation } from '../api/useMutation';
import { useNavigation } from '../state/navigation';
import { ReportPreviewPanel } from './ReportPreviewPanel';
import { previewReportFile } from './send-report-file';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

type Fetched = ApiOutput<'siteReports.fetchFromServer'>;

/** What an imported or fetched report can change. */
const REPORT_TOPICS: readonly Topic[] = ['deployments', 'sites', 'inventory', 'checklist', 'issues'];

/** Release managers: import a site report file (preview, then all or nothing), or fetch the reports from the server. */
export function ImportReportsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useText();
  const [preview, setPreview] = useState<ReportFilePreview | null>(null);
  const [result, setResult] = useState<ReportImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | 'fetch' | null>(null);
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const [fingerprintConfirmed, setFingerprintConfirmed] = useState(false);
  const selectSite = useNavigation((s) => s.selectSite);
  const mutation = useMutation();

  const choose = async (file: File | null) => {
    if (!file) return;
    setBusy('preview');
    setResult(null);
    const r = await previewReportFile(file);
    setBusy(null);
    if (!r.ok) return showApiError(r.error, appText('siteReport.importReportsModal.fileNotRead'));
    setFingerprintConfirmed(false);
    setPreview(r.value);
  };
  const commit = async () => {
    if (!preview) return;
    setBusy('import');
    const confirm =
      preview.device && !preview.device.known && fingerprintConfirmed ? { confirmFingerprint: preview.device.fingerprint } : {};
    const imported = await mutation.run(
      'siteReports.importFile',
      { previewId: preview.previewId, ...confirm },
      { refresh: REPORT_TOPICS, errorTitle: appText('siteReport.importReportsModal.notImported') },
    );
    setBusy(null);
    if (!imported) return;
    setResult(imported);
    setPreview(null);
  };
  const fetchFromServer = async () => {
    setBusy('fetch');
    const value = await mutation.run(
      'siteReports.fetchFromServer',
      {},
      { refresh: REPORT_TOPICS, errorTitle: appText('siteReport.importReportsModal.notFetched') },
    );
    setBusy(null);
    if (value) setFetched(value);
  };
  const open = (deploymentId: string, siteId: string) => {
    selectSite(deploymentId, siteId, 'report');
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('siteReport.importReportsModal.importSiteReports')}
      size="xl"
      data-testid="import-reports-modal"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('siteReport.importReportsModal.aReportFile')}
          <code>{t('siteReport.importReportsModal.outpostReport')}</code>
          {t('siteReport.importReportsModal.comesFromATechnicians')}
        </Text>
        <Group>
          <FileButton onChange={(f) => void choose(f)} accept=".outpost-report,application/json">
            {(props) => (
              <Button {...props} leftSection={<IconFileImport size={14} />} loading={busy === 'preview'} data-testid="choose-report-file">
                {t('siteReport.importReportsModal.chooseReportFile')}
              </Button>
            )}
          </FileButton>
          {preview?.importable && (
            <Button
              color="green"
              onClick={() => void commit()}
              loading={busy === 'import'}
              disabled={preview.device !== null && !preview.device.known && !fingerprintConfirmed}
              data-testid="import-report-file"
            >
              {preview.nothingNew ? t('siteReport.importReportsModal.recordTheFileNothing') : t('siteReport.importReportsModal.import')}
            </Button>
          )}
        </Group>
        {preview && <ReportPreviewPanel preview={preview} confirmed={fingerprintConfirmed} onConfirm={setFingerprintConfirmed} />}
        {result && (
          <Alert
            color={result.nothingNew ? 'gray' : 'green'}
            title={result.nothingNew ? t('siteReport.importReportsModal.nothingNew') : t('siteReport.importReportsModal.imported')}
            data-testid="report-import-result"
          >
            <Text size="sm">{result.message}</Text>
            <Button
              size="xs"
              mt="xs"
              variant="light"
              onClick={() => open(result.deploymentId, result.siteId)}
              data-testid="open-imported-report"
            >
              {t('siteReport.importReportsModal.openTheSiteReport')}
            </Button>
          </Alert>
        )}
        <Divider label={t('siteReport.importReportsModal.or')} />
        <Group>
          <Button
            variant="default"
            leftSection={<IconCloudDownload size={14} />}
            loading={busy === 'fetch'}
            onClick={() => void fetchFromServer()}
            data-testid="fetch-reports"
          >
            {t('siteReport.importReportsModal.fetchFromServer')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('siteReport.importReportsModal.syncsNowEverySite')}
          </Text>
        </Group>
        {fetched && <FetchedList fetched={fetched} onOpen={open} />}
      </Stack>
    </Modal>
  );
}

function FetchedList({ fetched, onOpen }: { fetched: Fetched; onOpen: (deploymentId: string, siteId: string) => void }) {
  const t = useText();
  if (!fetched.ok)
    return (
      <Alert color="red" title={t('siteReport.importReportsModal.syncFailed')}>
        {fetched.error}
      </Alert>
    );
  if (fetched.sites.length === 0)
    return (
      <Text size="sm" data-testid="fetched-none">
        {t('siteReport.importReportsModal.upToDateNo')}
      </Text>
    );
  return (
    <Table withTableBorder fz="sm" verticalSpacing={2} data-testid="fetched-sites">
      <Table.Tbody>
        {fetched.sites.map((s) => (
          <Table.Tr key={s.siteId}>
            <Table.Td>{s.deploymentName}</Table.Td>
            <Table.Td>
              {s.code} {s.name}
            </Table.Td>
            <Table.Td>{s.change === 'new' ? t('siteReport.importReportsModal.new') : t('siteReport.importReportsModal.changed')}</Table.Td>
            <Table.Td>{s.status.replace(/_/g, ' ')}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="subtle" onClick={() => onOpen(s.deploymentId, s.siteId)}>
                {t('siteReport.importReportsModal.openReport')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
