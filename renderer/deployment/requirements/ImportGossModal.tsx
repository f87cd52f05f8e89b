import { Alert, Autocomplete, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useMutation } from '../../api/useMutation';
import { GossImportResult } from './GossImportResult';
import { fileTooLarge, importTooLarge } from './goss-size';
import { outcomeOfError, type ImportOutcome } from './import-outcome';

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
    setProblem(tooLarge ? { title: 'File too large', message: tooLarge, testId: 'goss-too-large' } : null);
    if (tooLarge) return;
    try {
      setYaml(await file.text());
      setFileName(file.name);
    } catch (err) {
      setProblem({ title: 'Could not read the file', message: `${file.name}: ${err instanceof Error ? err.message : String(err)}`, testId: 'goss-read-error' });
    }
  }

  async function submit() {
    const input = { deploymentId, targetRole: role.trim() === '' ? null : role.trim(), yaml };
    const tooLarge = importTooLarge(input);
    setProblem(tooLarge ? { title: 'File too large', message: tooLarge, testId: 'goss-too-large' } : null);
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
    <Modal opened={opened} onClose={close} title="Import goss.yaml" size="xl" data-testid="goss-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each resource of a Goss file becomes a requirement the checks evaluate on the target machines. Render templated files with{' '}
          <Text span ff="monospace" size="sm">
            goss render
          </Text>{' '}
          first.
        </Text>
        <Autocomplete
          label="Target role"
          description="Role of the target machines these requirements apply to; leave empty for all targets"
          placeholder="All targets"
          data={[...roles]}
          value={role}
          onChange={setRole}
          maxLength={100}
          data-testid="goss-role"
        />
        <Group gap="sm">
          <Button variant="default" leftSection={<IconUpload size={14} />} onClick={() => fileInput.current?.click()}>
            Choose file…
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
            {fileName ?? 'or paste the file below'}
          </Text>
        </Group>
        <Textarea
          label="goss.yaml"
          placeholder={'package:\n  nginx:\n    installed: true'}
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
            Close
          </Button>
          <Button loading={busy} disabled={yaml.trim() === ''} onClick={() => void submit()} data-testid="goss-import-submit">
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
