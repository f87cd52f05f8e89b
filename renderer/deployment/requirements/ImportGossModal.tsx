import { Alert, Autocomplete, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useMutation } from '../../api/useMutation';
import { GossImportResult } from './GossImportResult';
import { fileTooLarge, importTooLarge } from './goss-size';
import { outcomeOfError, type ImportOutcome } from './import-outcome';
import { Trans } from 'react-i18next';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

interface Props {
  opened: boolean;
  onClose: () => void;
  deploymentId: string;
  /** Role suggestions (the site machines' roles). */
  roles: readonly string[];
  /** Called after requirements were stored. */
  onImported: () => void;
}

/** Import a goss.yaml (picked or pasted) as requirements for one target role or for every target. */
export function ImportGossModal({ opened, onClose, deploymentId, roles, onImported }: Props) {
  const t = useText();
  const fileInput = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState('');
  const [yaml, setYaml] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; message: string; testId: string } | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const mutation = useMutation();
  const busy = mutation.pending;

  function close() {
    setOutcome(null);
    setProblem(null);
    onClose();
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setOutcome(null);
    const tooLarge = fileTooLarge(file);
    setProblem(
      tooLarge
        ? { title: appText('deployment.requirements.importGossModal.fileTooLarge'), message: tooLarge, testId: 'goss-too-large' }
        : null,
    );
    if (tooLarge) return;
    try {
      setYaml(await file.text());
      setFileName(file.name);
    } catch (err) {
      setProblem({
        title: appText('deployment.requirements.importGossModal.couldNotReadThe'),
        message: `${file.name}: ${err instanceof Error ? err.message : String(err)}`,
        testId: 'goss-read-error',
      });
    }
  }

  async function submit() {
    const input = { deploymentId, targetRole: role.trim() === '' ? null : role.trim(), yaml };
    const tooLarge = importTooLarge(input);
    setProblem(
      tooLarge
        ? { title: appText('deployment.requirements.importGossModal.fileTooLarge'), message: tooLarge, testId: 'goss-too-large' }
        : null,
    );
    if (tooLarge) return;
    // A refusal is shown in the dialog, line by line, not as a notification.
    const imported = await mutation.run('requirements.importGoss', input, { onError: (error) => setOutcome(outcomeOfError(error)) });
    if (!imported) return;
    setOutcome({ kind: 'imported', targetRole: input.targetRole, result: imported });
    setYaml('');
    setFileName(null);
    onImported();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('deployment.requirements.importGossModal.importGossYaml')}
      size="xl"
      data-testid="goss-dialog"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <Trans
            t={t}
            i18nKey="deployment.requirements.importGossModal.intro"
            components={{ code: <Text span ff="monospace" size="sm" /> }}
          />
        </Text>
        <Autocomplete
          label={t('deployment.requirements.importGossModal.targetRole')}
          description={t('deployment.requirements.importGossModal.roleOfTheTarget')}
          placeholder={t('deployment.requirements.importGossModal.allTargets')}
          data={[...roles]}
          value={role}
          onChange={setRole}
          maxLength={100}
          data-testid="goss-role"
        />
        <Group gap="sm">
          <Button variant="default" leftSection={<IconUpload size={14} />} onClick={() => fileInput.current?.click()}>
            {t('deployment.requirements.importGossModal.chooseFile')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml"
            hidden
            data-testid="goss-file"
            onChange={(e) => {
              const input = e.currentTarget;
              void pick(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
          <Text size="xs" c="dimmed" data-testid="goss-file-name">
            {fileName ?? t('deployment.requirements.importGossModal.orPasteTheFile')}
          </Text>
        </Group>
        <Textarea
          label={t('deployment.requirements.importGossModal.gossYaml')}
          placeholder={t('deployment.requirements.importGossModal.packageNginxInstalledTrue')}
          autosize
          minRows={6}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          value={yaml}
          onChange={(e) => {
            setYaml(e.currentTarget.value);
            setFileName(null);
            setProblem(null);
          }}
          data-testid="goss-text"
        />
        {problem && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={problem.title} data-testid={problem.testId}>
            {problem.message}
          </Alert>
        )}
        {outcome && <GossImportResult outcome={outcome} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={close}>
            {t('deployment.requirements.importGossModal.close')}
          </Button>
          <Button loading={busy} disabled={yaml.trim() === ''} onClick={() => void submit()} data-testid="goss-import-submit">
            {t('deployment.requirements.importGossModal.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
