import { Alert, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ApiError, ApiResult } from '../../../shared/contract';
import type { TargetImportPreview } from '../../../shared/contract/target-import-methods';
import type { SiteSummary } from '../../../shared/domain/site';
import { TARGET_FORMAT_LABEL, targetImportFormatSchema, type TargetImportFormat } from '../../../shared/target-import/formats';
import { TARGET_FIELD_LABEL, targetFieldSchema, type TargetField } from '../../../shared/target-import/table-fields';
import { call } from '../../api/client';
import { runCommand } from '../../api/command';
import { showSuccess } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { SkippedSecrets } from './SkippedSecrets';
import { previewTargetFile, rePreview } from './send-targets';
import { TargetPreviewTable } from './TargetPreviewTable';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const FORMAT_OPTIONS = targetImportFormatSchema.options.map((f) => ({ value: f, label: TARGET_FORMAT_LABEL[f] }));
const FIELD_OPTIONS = targetFieldSchema.options.map((f) => ({ value: f, label: TARGET_FIELD_LABEL[f] }));

interface Props {
  deploymentId: string;
  sites: readonly SiteSummary[];
  onClose: () => void;
}

/**
 * Import targets: an Ansible inventory, NetBox device export or CSV file (or ansible-inventory's
 * output for a dynamic inventory), checked host by host; hosts no rule places get a site here;
 * every host is imported, or none.
 */
export function ImportTargetsModal({ deploymentId, sites, onClose }: Props) {
  const t = useText();
  const ansible = useApiQuery('targetImport.ansibleAvailable', {}, []);
  const [preview, setPreview] = useState<TargetImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [source, setSource] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const siteOptions = sites.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));

  async function load(request: Promise<ApiResult<TargetImportPreview>>) {
    setBusy(true);
    setError(null);
    const result = await request;
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  }

  function start(request: () => Promise<ApiResult<TargetImportPreview>>) {
    setPreview(null);
    setChosen({});
    void load(request());
  }

  function choose(hostName: string, siteId: string | null) {
    if (!preview) return;
    const next = { ...chosen };
    if (siteId) next[hostName] = siteId;
    else delete next[hostName];
    setChosen(next);
    void load(rePreview(deploymentId, preview, { assignments: Object.entries(next).map(([h, s]) => ({ hostName: h, siteId: s })) }));
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const done = await runCommand(
      'targetImport.commit',
      { previewId: preview.previewId },
      { refresh: ['machines', 'sites'], errorTitle: appText('deployment.targetImport.importTargetsModal.nothingImported') },
    );
    setBusy(false);
    if (done) {
      showSuccess(
        appText('deployment.targetImport.importTargetsModal.targetsImportedNewUpdated', {
          created: done.created,
          updated: done.updated,
          unchanged: done.unchanged,
        }),
      );
      onClose();
    }
  }

  const c = preview?.counts;
  const canImport = preview !== null && c !== undefined && c.error === 0 && c.unmapped === 0 && c.new + c.update > 0;

  return (
    <Modal opened onClose={onClose} title={t('deployment.targetImport.importTargetsModal.importTargets')} size="95%">
      <Stack gap="sm" data-testid="target-import">
        <Text size="sm" c="dimmed">
          {t('deployment.targetImport.importTargetsModal.anAnsibleInventoryIni')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: ansible.data?.available ? 2 : 1 }}>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('deployment.targetImport.importTargetsModal.inventoryFile')}
            </Text>
            <input
              type="file"
              aria-label={t('deployment.targetImport.importTargetsModal.inventoryFile')}
              disabled={busy}
              data-testid="target-import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) start(() => previewTargetFile(deploymentId, file));
              }}
            />
          </div>
          {ansible.data?.available && (
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                flex={1}
                label={t('deployment.targetImport.importTargetsModal.dynamicInventoryAnsibleInventory')}
                placeholder={t('deployment.targetImport.importTargetsModal.etcAnsibleInventoryNetbox')}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                data-testid="target-import-source"
              />
              <Button
                variant="default"
                disabled={busy || source.trim() === ''}
                onClick={() => start(() => call('targetImport.runAnsible', { deploymentId, source: source.trim() }))}
                data-testid="target-import-run-ansible"
              >
                {t('deployment.targetImport.importTargetsModal.runAnsibleInventory')}
              </Button>
            </Group>
          )}
        </SimpleGrid>
        {busy && <Text size="sm">{t('deployment.targetImport.importTargetsModal.reading')}</Text>}
        {error && (
          <Alert
            color="red"
            title={t('deployment.targetImport.importTargetsModal.thisInventoryCannotBe')}
            data-testid="target-import-error"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {error.message}
            </Text>
          </Alert>
        )}
        {preview && c && (
          <>
            <Group gap="xs" wrap="wrap">
              {preview.source === 'file' ? (
                <Select
                  size="xs"
                  w={340}
                  label={t('deployment.targetImport.importTargetsModal.format')}
                  data={FORMAT_OPTIONS}
                  value={preview.format}
                  allowDeselect={false}
                  disabled={busy}
                  data-testid="target-import-format"
                  onChange={(v) => v && void load(rePreview(deploymentId, preview, { format: v as TargetImportFormat }))}
                />
              ) : (
                <Badge variant="light">{t('deployment.targetImport.importTargetsModal.ansibleInventoryList')}</Badge>
              )}
              <Text size="sm" data-testid="target-import-summary">
                {t('deployment.targetImport.importTargetsModal.hostsNewToUpdate', {
                  hostCount: preview.hostCount,
                  new: c.new,
                  update: c.update,
                  unchanged: c.unchanged,
                  unmapped: c.unmapped,
                  error: c.error,
                })}
              </Text>
            </Group>
            {preview.columns && (
              <Group gap="xs" wrap="wrap" data-testid="target-import-columns">
                {preview.columns.map((col, i) => (
                  <Select
                    key={`${i}-${col.header}`}
                    size="xs"
                    w={170}
                    label={col.header || t('deployment.targetImport.importTargetsModal.column', { column: i + 1 })}
                    data={FIELD_OPTIONS}
                    value={col.field}
                    allowDeselect={false}
                    disabled={busy}
                    onChange={(v) =>
                      v &&
                      void load(
                        rePreview(deploymentId, preview, {
                          mapping: preview.columns!.map((x, j) => (j === i ? (v as TargetField) : x.field)),
                        }),
                      )
                    }
                  />
                ))}
              </Group>
            )}
            {c.unmapped > 0 && (
              <Group gap="xs" align="flex-end">
                <Select
                  size="xs"
                  w={320}
                  label={t('deployment.targetImport.importTargetsModal.siteForUnmapped', { count: c.unmapped })}
                  placeholder={t('deployment.targetImport.importTargetsModal.choosePerHostBelow')}
                  data={siteOptions}
                  searchable
                  clearable
                  value={preview.defaultSiteId}
                  disabled={busy}
                  data-testid="target-import-default-site"
                  onChange={(v) => void load(rePreview(deploymentId, preview, { defaultSiteId: v }))}
                />
              </Group>
            )}
            <SkippedSecrets preview={preview} />
            <TargetPreviewTable preview={preview} siteOptions={siteOptions} chosen={chosen} busy={busy} onChoose={choose} />
            {preview.hostsTruncated && (
              <Text size="xs" c="dimmed">
                {t('deployment.targetImport.importTargetsModal.showingOfHostsThose', {
                  shown: preview.hosts.length,
                  hostCount: preview.hostCount,
                })}
              </Text>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('deployment.targetImport.importTargetsModal.cancel')}
          </Button>
          <Button disabled={!canImport || busy} onClick={() => void commit()} data-testid="target-import-commit">
            {canImport && c
              ? t('deployment.targetImport.importTargetsModal.importHosts', { count: c.new + c.update })
              : t('deployment.targetImport.importTargetsModal.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
