import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from '../../api/useMutation';
import { SignaturePadField } from '../signoff/SignaturePadField';

const FIELDS = ['name', 'role', 'signaturePngBase64'] as const;

/**
 * Adds one attendee to a session's attendance list: name, role, and the attendee's drawn
 * signature or "absent". An entry cannot be changed afterwards, so the form says what it records.
 */
export function AttendeeForm({ sessionId }: { sessionId: string }) {
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
      { refresh: ['training'], errorTitle: 'Attendee not recorded' },
    );
    if (!added) return;
    setName('');
    setRole('');
    setAbsent(false);
    setSignature(null);
    setPadKey((k) => k + 1);
  }

  return (
    <Paper withBorder p="sm" data-testid="attendee-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required size="xs" maxLength={200} value={name} error={mutation.fieldErrors.name} onChange={(e) => setName(e.currentTarget.value)} data-testid="attendee-name" />
          <TextInput label="Role" required size="xs" maxLength={200} value={role} error={mutation.fieldErrors.role} onChange={(e) => setRole(e.currentTarget.value)} data-testid="attendee-role" />
        </SimpleGrid>
        <Radio.Group value={absent ? 'absent' : 'signed'} onChange={(v) => setAbsent(v === 'absent')} label="Attendance" size="xs">
          <Group mt={4}>
            <Radio value="signed" label="Present: signs below" data-testid="attendee-signed" />
            <Radio value="absent" label="Absent" data-testid="attendee-absent" />
          </Group>
        </Radio.Group>
        {!absent && <SignaturePadField key={padKey} height={120} onChange={setSignature} />}
        {mutation.fieldErrors.signaturePngBase64 && (
          <Text size="xs" c="red">
            {mutation.fieldErrors.signaturePngBase64}
          </Text>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            The entry is final once added: a mistake is corrected with a new session.
          </Text>
          <Button size="xs" leftSection={<IconUserPlus size={14} />} disabled={!ready} loading={mutation.pending} onClick={() => void submit()} data-testid="attendee-submit">
            Add to attendance list
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
