import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { runCommand } from '../../api/command';
import { useText } from '../../i18n/i18n';

/** Paste an OpenSSH known_hosts file to pin the host keys of this site's targets. */
export function KnownHostsModal({ siteId, opened, onClose }: { siteId: string; opened: boolean; onClose: () => void }) {
  const t = useText();
  const [text, setText] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function importText() {
    setSaving(true);
    const value = await runCommand('checks.importKnownHosts', { siteId, text }, { refresh: ['machines'] });
    setSaving(false);
    if (value)
      setResult(
        `${value.pinned.length} key${value.pinned.length === 1 ? '' : 's'} pinned, ${value.skipped.length} line${value.skipped.length === 1 ? '' : 's'} skipped, ${value.unmatched} for other hosts.`,
      );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('site.machines.knownHostsModal.importKnownHosts')} size="lg">
      <Stack gap="sm">
        <Textarea
          label={t('site.machines.knownHostsModal.knownHosts')}
          description={t('site.machines.knownHostsModal.plainAndHashedEntries')}
          autosize
          minRows={6}
          maxRows={14}
          ff="monospace"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="known-hosts-text"
        />
        {result && (
          <Text size="sm" data-testid="known-hosts-result">
            {result}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button loading={saving} disabled={!text.trim()} onClick={() => void importText()} data-testid="known-hosts-import">
            {t('site.machines.knownHostsModal.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
