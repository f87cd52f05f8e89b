import { Alert, Button, FileButton, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { PLAN_TEMPLATE_MAX_CHARS } from '../../../shared/plan-template/plan-template-schema';
import { useApiQuery } from '../../api/useApiQuery';
import { useMutation } from '../../api/useMutation';
import { localTimeZone, wallTimeToIso } from '../../format/zoned';
import { useNavigation } from '../../state/navigation';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * "New deployment from…": another deployment's plan, or a plan template file. Waves keep their
 * offsets from the new first-wave start; nothing of sites, inventory, machines or field work comes along.
 */
export function NewFromTemplateModal({ opened, onClose }: Props) {
  const t = useText();
  // The navigator's own query (same input and topics), so both see the new deployment in the same render.
  const deployments = useApiQuery('deployments.list', {}, ['deployments', 'sites']);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const [toSelect, setToSelect] = useState<string | null>(null);
  const zone = localTimeZone();
  const [source, setSource] = useState<'deployment' | 'file'>('deployment');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; json: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [start, setStart] = useState('');
  const { run, pending, fieldErrors } = useMutation({ fields: ['name', 'version', 'firstWaveStartsAt'] });

  // Select the new draft once the list holds it; earlier, the navigator would fall back to the first deployment.
  useEffect(() => {
    if (toSelect && deployments.data?.some((d) => d.id === toSelect)) {
      selectDeployment(toSelect);
      setToSelect(null);
    }
  }, [toSelect, deployments.data, selectDeployment]);

  async function pick(picked: File | null) {
    setFile(null);
    setFileProblem(null);
    if (!picked) return;
    if (picked.size > PLAN_TEMPLATE_MAX_CHARS * 4)
      return setFileProblem(appText('deployment.template.newFromTemplateModal.isTooLargeFor', { name: picked.name }));
    try {
      setFile({ name: picked.name, json: await picked.text() });
    } catch (err) {
      setFileProblem(`${picked.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function create() {
    const common = { name, version, firstWaveStartsAt: start ? wallTimeToIso(start, zone) : null };
    const options = {
      refresh: ['deployments'] as const,
      success: (r: { counts: { waves: number; checklistItems: number } }) =>
        appText('deployment.template.newFromTemplateModal.draftCreatedWavesChecklist', {
          waves: r.counts.waves,
          checklistItems: r.counts.checklistItems,
        }),
    };
    const made =
      source === 'deployment'
        ? sourceId && (await run('planTemplates.createFrom', { sourceDeploymentId: sourceId, ...common }, options))
        : file && (await run('planTemplates.import', { json: file.json, ...common }, options));
    if (!made) return;
    onClose();
    setName('');
    setVersion('');
    setFile(null);
    setToSelect(made.deployment.id);
  }

  const ready = name.trim() !== '' && (source === 'deployment' ? sourceId !== null : file !== null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.template.newFromTemplateModal.newDeploymentFrom')} size="md">
      <Stack gap="sm">
        <SegmentedControl
          size="xs"
          value={source}
          onChange={(v) => setSource(v as 'deployment' | 'file')}
          data={[
            { value: 'deployment', label: t('deployment.template.newFromTemplateModal.anotherDeployment') },
            { value: 'file', label: t('deployment.template.newFromTemplateModal.aPlanTemplateFile') },
          ]}
        />
        {source === 'deployment' ? (
          <Select
            label={t('deployment.template.newFromTemplateModal.copyThePlanOf')}
            placeholder={t('deployment.template.newFromTemplateModal.chooseADeployment')}
            data={(deployments.data ?? []).map((d) => ({ value: d.id, label: d.version ? `${d.name} (v${d.version})` : d.name }))}
            value={sourceId}
            onChange={setSourceId}
            searchable
            data-testid="template-source"
          />
        ) : (
          <Group gap="xs">
            <FileButton onChange={(f) => void pick(f)} accept="application/json,.json">
              {(props) => (
                <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} data-testid="template-file">
                  {t('deployment.template.newFromTemplateModal.chooseATemplateFile')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {file ? file.name : t('deployment.template.newFromTemplateModal.outpostPlanTemplateVersion')}
            </Text>
          </Group>
        )}
        {fileProblem && (
          <Alert color="red" p="xs">
            {fileProblem}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('deployment.template.newFromTemplateModal.copiesTheWavesComponents')}
        </Text>
        <TextInput
          label={t('deployment.template.newFromTemplateModal.nameOfTheNew')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          error={fieldErrors.name}
          data-testid="template-name"
        />
        <TextInput
          label={t('deployment.template.newFromTemplateModal.version')}
          value={version}
          onChange={(e) => setVersion(e.currentTarget.value)}
          maxLength={60}
          error={fieldErrors.version}
        />
        <TextInput
          label={t('deployment.template.newFromTemplateModal.firstWaveStarts', { zone })}
          description={t('deployment.template.newFromTemplateModal.theOtherWavesKeep')}
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={fieldErrors.firstWaveStartsAt}
          data-testid="template-first-wave"
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('deployment.template.newFromTemplateModal.cancel')}
          </Button>
          <Button loading={pending} disabled={!ready} onClick={() => void create()} data-testid="template-create">
            {t('deployment.template.newFromTemplateModal.createDraft')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
