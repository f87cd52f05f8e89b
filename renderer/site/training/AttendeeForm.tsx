import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { useMutation } from '../../api/useMutation';
import { useText } from '../../i18n/i18n';
import { useOwnerText } from '../../i18n/owner-text';
import { SignaturePadField } from '../signoff/SignaturePadField';

const FIELDS = ['name', 'role', 'signaturePngBase64'] as const;

/**
 * Adds one attendee to a session's attendance list: name, role, and the attendee's drawn
 * signature or "absent". An entry cannot be changed afterwards, so the form says what it records.
 * The attendee reads it in the site owner's language, like the sheet the attendance goes on.
 */
export function AttendeeForm({ sessionId, language }: { sessionId: string; language: SiteLanguage }) {
  const t = useOwnerText(language);
  // The technician's own notification stays in the interface's language.
  const appT = useText();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [absent, setAbsent] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [padKey, setPadKey] = useState(0);
  const mutation = useMutation({ fields: FIELDS });
  const ready = name.trim() !== '' && role.trim() !== '' && (absent || signature !== null);

  async function submit() {
    if (!ready) return;
    const added = await mutation.run(
      'training.addAttendee',
      { sessionId, name: name.trim(), role: role.trim(), signaturePngBase64: absent ? null : signature },
      // The new row in the attendance list is the confirmation: no notification over the form.
      { refresh: ['training'], errorTitle: appT('site.training.attendeeForm.notRecorded') },
    );
    if (!added) return;
    setName('');
    setRole('');
    setAbsent(false);
    setSignature(null);
    setPadKey((k) => k + 1);
  }

  return (
    <Paper withBorder p="sm" data-testid="attendee-form" lang={language}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('training.form.name')}
            required
            size="xs"
            maxLength={200}
            value={name}
            error={mutation.fieldErrors.name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="attendee-name"
          />
          <TextInput
            label={t('training.form.role')}
            required
            size="xs"
            maxLength={200}
            value={role}
            error={mutation.fieldErrors.role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data-testid="attendee-role"
          />
        </SimpleGrid>
        <Radio.Group
          value={absent ? 'absent' : 'signed'}
          onChange={(v) => setAbsent(v === 'absent')}
          label={t('training.form.attendance')}
          size="xs"
        >
          <Group mt={4}>
            <Radio value="signed" label={t('training.form.present')} data-testid="attendee-signed" />
            <Radio value="absent" label={t('training.form.absent')} data-testid="attendee-absent" />
          </Group>
        </Radio.Group>
        {!absent && <SignaturePadField key={padKey} height={120} language={language} onChange={setSignature} />}
        {mutation.fieldErrors.signaturePngBase64 && (
          <Text size="xs" c="red">
            {mutation.fieldErrors.signaturePngBase64}
          </Text>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('training.form.final')}
          </Text>
          <Button
            size="xs"
            leftSection={<IconUserPlus size={14} />}
            disabled={!ready}
            loading={mutation.pending}
            onClick={() => void submit()}
            data-testid="attendee-submit"
          >
            {t('training.form.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
