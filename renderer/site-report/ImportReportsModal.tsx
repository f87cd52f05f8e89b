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

type Fetched = ApiOutput<'siteReports.fetchFromServer'>;

/** What an imported or fetched report can change. */
const REPORT_TOPICS: readonly Topic[] = ['deployments', 'sites', 'inventory', 'checklist', 'issues'];

/** Release managers: import a site report file (preview, then all or nothing), or fetch the reports from the server. */
export function ImportReportsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
    if (!r.ok) return showApiError(r.error, 'File not read');
    setFingerprintConfirmed(false);
    setPreview(r.value);
  };
  const commit = async () => {
    if (!preview) return;
    setBusy('import');
    const confirm = preview.device && !preview.device.known && fingerprintConfirmed ? { confirmFingerprint: preview.device.fingerprint } : {};
    const imported = await mutation.run('siteReports.importFile', { previewId: preview.previewId, ...confirm }, { refresh: REPORT_TOPICS, errorTitle: 'Not imported' });
    setBusy(null);
    if (!imported) return;
    setResult(imported);
    setPreview(null);
  };
  const fetchFromServer = async () => {
    setBusy('fetch');
    const value = await mutation.run('siteReports.fetchFromServer', {}, { refresh: REPORT_TOPICS, errorTitle: 'Not fetched' });
    setBusy(null);
    if (value) setFetched(value);
  };
  const open = (deploymentId: string, siteId: string) => {
    selectSite(deploymentId, siteId, 'report');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import site reports" size="xl" data-testid="import-reports-modal">
      <Stack gap="sm">
        <Text size="sm">
          A report file (<code>.outpost-report</code>) comes from a technician's device at a site without network. It is checked completely
          (signature, every attachment's hash, every record) before anything is written, and imported all at once or not at all.
        </Text>
        <Group>
          <FileButton onChange={(f) => void choose(f)} accept=".outpost-report,application/json">
            {(props) => (
              <Button {...props} leftSection={<IconFileImport size={14} />} loading={busy === 'preview'} data-testid="choose-report-file">
                Choose report file…
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
              {preview.nothingNew ? 'Record the file (nothing new)' : 'Import'}
            </Button>
          )}
        </Group>
        {preview && <ReportPreviewPanel preview={preview} confirmed={fingerprintConfirmed} onConfirm={setFingerprintConfirmed} />}
        {result && (
          <Alert color={result.nothingNew ? 'gray' : 'green'} title={result.nothingNew ? 'Nothing new' : 'Imported'} data-testid="report-import-result">
            <Text size="sm">{result.message}</Text>
            <Button size="xs" mt="xs" variant="light" onClick={() => open(result.deploymentId, result.siteId)} data-testid="open-imported-report">
              Open the site report
            </Button>
          </Alert>
        )}
        <Divider label="or" />
        <Group>
          <Button variant="default" leftSection={<IconCloudDownload size={14} />} loading={busy === 'fetch'} onClick={() => void fetchFromServer()} data-testid="fetch-reports">
            Fetch from server
          </Button>
          <Text size="xs" c="dimmed">Syncs now; every site of your deployments comes down with its report.</Text>
        </Group>
        {fetched && <FetchedList fetched={fetched} onOpen={open} />}
      </Stack>
    </Modal>
  );
}

function FetchedList({ fetched, onOpen }: { fetched: Fetched; onOpen: (deploymentId: string, siteId: string) => void }) {
  if (!fetched.ok) return <Alert color="red" title="Sync failed">{fetched.error}</Alert>;
  if (fetched.sites.length === 0) return <Text size="sm" data-testid="fetched-none">Up to date: no site report arrived or changed.</Text>;
  return (
    <Table withTableBorder fz="sm" verticalSpacing={2} data-testid="fetched-sites">
      <Table.Tbody>
        {fetched.sites.map((s) => (
          <Table.Tr key={s.siteId}>
            <Table.Td>{s.deploymentName}</Table.Td>
            <Table.Td>
              {s.code} {s.name}
            </Table.Td>
            <Table.Td>{s.change === 'new' ? 'new' : 'changed'}</Table.Td>
            <Table.Td>{s.status.replace(/_/g, ' ')}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="subtle" onClick={() => onOpen(s.deploymentId, s.siteId)}>
                Open report
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
