import { Button, Checkbox, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CredentialKind, CredentialSummary } from '../../../shared/domain/check-run';
import type { TargetMachine } from '../../../shared/domain/machine';
import { runCommand } from '../../api/command';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const KINDS: { value: CredentialKind; label: string }[] = [
  {
    value: 'key',
    get label() {
      return appText('site.machines.credentialModal.keyFile');
    },
  },
  {
    value: 'agent',
    get label() {
      return appText('site.machines.credentialModal.sshAgent');
    },
  },
  {
    value: 'password',
    get label() {
      return appText('site.machines.credentialModal.password');
    },
  },
  {
    value: 'keyboard-interactive',
    get label() {
      return appText('site.machines.credentialModal.keyboardInteractive');
    },
  },
];

interface Props {
  target: TargetMachine | null;
  current: CredentialSummary | null;
  onClose: () => void;
}

/** How to sign in to one target. A typed password goes straight to the core's secret store and is never shown again. */
export function CredentialModal({ target, current, onClose }: Props) {
  const t = useText();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('site.machines.credentialModal.signInFor', { hostName: target.hostName }) : ''}
      size="md"
    >
      {target && <CredentialForm key={target.id} target={target} current={current} onClose={onClose} />}
    </Modal>
  );
}

function CredentialForm({ target, current, onClose }: { target: TargetMachine; current: CredentialSummary | null; onClose: () => void }) {
  const t = useText();
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
      { refresh: ['machines'], success: appText('site.machines.credentialModal.saved') },
    );
    setSecret('');
    setSaving(false);
    if (result) onClose();
  }

  return (
    <Stack gap="sm" data-testid="set-credential">
      <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as CredentialKind)} data={KINDS} data-testid="credential-kind" />
      <TextInput
        label={t('site.machines.credentialModal.userName')}
        placeholder={target.username || t('site.machines.credentialModal.user')}
        description={t('site.machines.credentialModal.leaveEmptyToUse')}
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
        data-testid="credential-username"
      />
      {kind === 'key' && (
        <TextInput
          label={t('site.machines.credentialModal.privateKeyFile')}
          placeholder={t('site.machines.credentialModal.homeYouSshId')}
          value={keyPath}
          onChange={(e) => setKeyPath(e.currentTarget.value)}
          required
          data-testid="credential-key-path"
        />
      )}
      {(usesPassword || kind === 'key') && (
        <PasswordInput
          label={kind === 'key' ? t('site.machines.credentialModal.passphraseIfTheKey') : t('site.machines.credentialModal.password')}
          placeholder={keepsSecret ? t('site.machines.credentialModal.storedOnThisDevice') : ''}
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          autoComplete="off"
          data-testid="credential-secret"
        />
      )}
      {kind === 'agent' && (
        <Text size="sm" c="dimmed">
          {t('site.machines.credentialModal.usesTheSshAgent')}
        </Text>
      )}
      <Checkbox
        label={t('site.machines.credentialModal.useSudoNFor')}
        checked={useSudo}
        onChange={(e) => setUseSudo(e.currentTarget.checked)}
        data-testid="credential-sudo"
      />
      <Text size="xs" c="dimmed">
        {t('site.machines.credentialModal.secretsStayInThis')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={saving}
          disabled={usesPassword && !secret && !keepsSecret}
          onClick={() => void save()}
          data-testid="credential-save"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
