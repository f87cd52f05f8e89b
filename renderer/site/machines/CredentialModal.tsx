import { Button, Checkbox, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CredentialKind, CredentialSummary } from '../../../shared/domain/check-run';
import type { TargetMachine } from '../../../shared/domain/machine';
import { runCommand } from '../../api/command';

const KINDS: { value: CredentialKind; label: string }[] = [
  { value: 'key', label: 'Key file' },
  { value: 'agent', label: 'ssh-agent' },
  { value: 'password', label: 'Password' },
  { value: 'keyboard-interactive', label: 'Keyboard-interactive' },
];

interface Props {
  target: TargetMachine | null;
  current: CredentialSummary | null;
  onClose: () => void;
}

/** How to sign in to one target. A typed password goes straight to the core's secret store and is never shown again. */
export function CredentialModal({ target, current, onClose }: Props) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? `Sign-in for ${target.hostName}` : ''} size="md">
      {target && <CredentialForm key={target.id} target={target} current={current} onClose={onClose} />}
    </Modal>
  );
}

function CredentialForm({ target, current, onClose }: { target: TargetMachine; current: CredentialSummary | null; onClose: () => void }) {
  const [kind, setKind] = useState<CredentialKind>(current?.kind ?? 'password');
  const [keyPath, setKeyPath] = useState(current?.keyPath ?? '');
  const [username, setUsername] = useState(current?.username ?? '');
  const [secret, setSecret] = useState('');
  const [useSudo, setUseSudo] = useState(current?.useSudo ?? false);
  const [saving, setSaving] = useState(false);
  const usesPassword = kind === 'password' || kind === 'keyboard-interactive';
  const keepsSecret = current?.hasSecret === true && current.kind === kind;

  async function save() {
    setSaving(true);
    const result = await runCommand(
      'checks.setCredential',
      {
        targetId: target.id,
        kind,
        useSudo,
        ...(username.trim() ? { username: username.trim() } : {}),
        ...(kind === 'key' ? { keyPath: keyPath.trim() } : {}),
        ...(usesPassword && secret ? { password: secret } : {}),
        ...(kind === 'key' && secret ? { passphrase: secret } : {}),
      },
      { refresh: ['machines'], success: 'Sign-in saved on this device' },
    );
    setSecret('');
    setSaving(false);
    if (result) onClose();
  }

  return (
    <Stack gap="sm" data-testid="set-credential">
      <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as CredentialKind)} data={KINDS} data-testid="credential-kind" />
      <TextInput label="User name" placeholder={target.username || 'user'} description="Leave empty to use the plan's user" value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid="credential-username" />
      {kind === 'key' && (
        <TextInput label="Private key file" placeholder="/home/you/.ssh/id_ed25519" value={keyPath} onChange={(e) => setKeyPath(e.currentTarget.value)} required data-testid="credential-key-path" />
      )}
      {(usesPassword || kind === 'key') && (
        <PasswordInput
          label={kind === 'key' ? 'Passphrase (if the key has one)' : 'Password'}
          placeholder={keepsSecret ? 'Stored on this device; type to replace' : ''}
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
          data-testid="credential-secret"
        />
      )}
      {kind === 'agent' && (
        <Text size="sm" c="dimmed">
          Uses the ssh-agent of the account Outpost runs under (SSH_AUTH_SOCK).
        </Text>
      )}
      <Checkbox label="Use sudo -n for facts that need root" checked={useSudo} onChange={(e) => setUseSudo(e.currentTarget.checked)} data-testid="credential-sudo" />
      <Text size="xs" c="dimmed">
        Secrets stay in this device&apos;s secret store: never synced, logged or shown again.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button loading={saving} disabled={usesPassword && !secret && !keepsSecret} onClick={() => void save()} data-testid="credential-save">
          Save
        </Button>
      </Group>
    </Stack>
  );
}
