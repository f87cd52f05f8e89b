import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';

export interface HostKeyQuestion {
  targetId: string;
  label: string;
  algorithm: string;
  fingerprint: string;
  /** Set when the key changed: the fingerprint that was trusted. */
  trusted: string | null;
}

/**
 * First contact: compare the SHA256 fingerprint, then trust it. A changed key is a hard stop:
 * both fingerprints are shown and re-trusting needs its own explicit button.
 */
export function HostKeyModal({ question, onClose, onTrust }: { question: HostKeyQuestion | null; onClose: () => void; onTrust: (q: HostKeyQuestion) => Promise<void> }) {
  const [saving, setSaving] = useState(false);
  const changed = question?.trusted != null;
  const trust = async () => {
    if (!question) return;
    setSaving(true);
    await onTrust(question);
    setSaving(false);
  };
  return (
    <Modal opened={question !== null} onClose={onClose} title={changed ? 'Host key changed' : 'Trust this host key?'} size="lg">
      {question && (
        <Stack gap="sm" data-testid={changed ? 'host-key-changed' : 'trust-host-key'}>
          {changed ? (
            <>
              <Alert color="red" icon={<IconAlertTriangle size={18} />}>
                {question.label} presented a different host key than the one trusted. This can mean the machine was reinstalled, or that
                someone is between you and it. Nothing was checked.
              </Alert>
              <Text size="sm">
                Trusted: <Code data-testid="fingerprint-trusted">{question.trusted}</Code>
              </Text>
              <Text size="sm">
                Presented now ({question.algorithm}): <Code data-testid="fingerprint-presented">{question.fingerprint}</Code>
              </Text>
            </>
          ) : (
            <>
              <Text size="sm">
                {question.label} is contacted for the first time. Compare its {question.algorithm} key fingerprint with the one the machine shows
                (<Code fz="xs">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</Code>):
              </Text>
              <Code block data-testid="host-key-fingerprint">
                {question.fingerprint}
              </Code>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {changed ? 'Keep refusing' : 'Cancel'}
            </Button>
            <Button color={changed ? 'red' : undefined} loading={saving} onClick={() => void trust()} data-testid={changed ? 'retrust-confirm' : 'trust-confirm'}>
              {changed ? 'Replace the trusted key' : 'Trust and check'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
