import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

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
export function HostKeyModal({
  question,
  onClose,
  onTrust,
}: {
  question: HostKeyQuestion | null;
  onClose: () => void;
  onTrust: (q: HostKeyQuestion) => Promise<void>;
}) {
  const t = useText();
  const [saving, setSaving] = useState(false);
  const changed = question?.trusted != null;
  const trust = async () => {
    if (!question) return;
    setSaving(true);
    await onTrust(question);
    setSaving(false);
  };
  return (
    <Modal
      opened={question !== null}
      onClose={onClose}
      title={changed ? t('site.machines.hostKeyModal.hostKeyChanged') : t('site.machines.hostKeyModal.trustThisHostKey')}
      size="lg"
    >
      {question && (
        <Stack gap="sm" data-testid={changed ? 'host-key-changed' : 'trust-host-key'}>
          {changed ? (
            <>
              <Alert color="red" icon={<IconAlertTriangle size={18} />}>
                {t('site.machines.hostKeyModal.presentedADifferentHost', { label: question.label })}
              </Alert>
              <Text size="sm">
                <Trans
                  t={t}
                  i18nKey="site.machines.hostKeyModal.trusted"
                  values={{ fingerprint: question.trusted }}
                  components={{ code: <Code data-testid="fingerprint-trusted" /> }}
                />
              </Text>
              <Text size="sm">
                <Trans
                  t={t}
                  i18nKey="site.machines.hostKeyModal.presented"
                  values={{ algorithm: question.algorithm, fingerprint: question.fingerprint }}
                  components={{ code: <Code data-testid="fingerprint-presented" /> }}
                />
              </Text>
            </>
          ) : (
            <>
              <Text size="sm">
                <Trans
                  t={t}
                  i18nKey="site.machines.hostKeyModal.firstContact"
                  values={{ label: question.label, algorithm: question.algorithm }}
                  components={{ code: <Code fz="xs" /> }}
                />
              </Text>
              <Code block data-testid="host-key-fingerprint">
                {question.fingerprint}
              </Code>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {changed ? t('site.machines.hostKeyModal.keepRefusing') : t('common.cancel')}
            </Button>
            <Button
              color={changed ? 'red' : undefined}
              loading={saving}
              onClick={() => void trust()}
              data-testid={changed ? 'retrust-confirm' : 'trust-confirm'}
            >
              {changed ? t('site.machines.hostKeyModal.replaceTheTrustedKey') : t('site.machines.hostKeyModal.trustAndCheck')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
