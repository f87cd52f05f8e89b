import { Alert, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { SIGN_OFF_DECISION_LABELS, signOffDecisionSchema, type SignOffDecision } from '../../../shared/domain/signoff';
import type { DecisionVerdict } from '../../../shared/signoff/decision-rules';
import { textTooLong } from '../../../shared/logic/text-limits';
import { LengthCounter } from '../../shell/LengthCounter';
import { SignaturePadField } from './SignaturePadField';

export interface SignDraft {
  decision: SignOffDecision;
  reason: string;
  signerName: string;
  signerRole: string;
  signerEmail: string;
  confirmed: boolean;
  signature: string | null;
}

interface Props {
  draft: SignDraft;
  onChange: (next: SignDraft) => void;
  statement: string;
  verdict: DecisionVerdict;
  signing: boolean;
  onSign: () => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Signer, decision, statement and the drawn signature. */
export function SignForm({ draft, onChange, statement, verdict, signing, onSign }: Props) {
  const [padKey, setPadKey] = useState(0);
  const set = (patch: Partial<SignDraft>) => onChange({ ...draft, ...patch });
  const emailBad = draft.signerEmail.trim() !== '' && !EMAIL.test(draft.signerEmail.trim());
  const missing = [
    !draft.signerName.trim() && 'name',
    !draft.signerRole.trim() && 'role',
    !draft.signature && 'signature',
    !draft.confirmed && 'confirmation of the statement',
  ].filter(Boolean);
  const reasonTooLong = textTooLong(draft.reason);
  const ready = verdict.allowed && missing.length === 0 && !emailBad && reasonTooLong === null;

  return (
    <Paper withBorder p="sm" data-testid="sign-form">
      <Stack gap="sm">
        <Text fw={600} size="sm">
          Decision and signature
        </Text>
        <Radio.Group value={draft.decision} onChange={(v) => set({ decision: signOffDecisionSchema.parse(v) })} label="Decision" required>
          <Group mt={4}>
            {signOffDecisionSchema.options.map((d) => (
              <Radio key={d} value={d} label={SIGN_OFF_DECISION_LABELS[d]} data-testid={`decision-${d}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={draft.decision === 'rejected' ? 'Reason for rejecting' : 'Remarks'}
          required={draft.decision === 'rejected'}
          autosize
          minRows={2}
          maxRows={6}
          description={<LengthCounter value={draft.reason} />}
          error={reasonTooLong}
          value={draft.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          data-testid="signoff-reason"
        />
        {!verdict.allowed && verdict.reason && (
          <Alert color="orange" variant="light" p="xs" data-testid="decision-refusal">
            {verdict.reason}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Name" required value={draft.signerName} maxLength={200} onChange={(e) => set({ signerName: e.currentTarget.value })} data-testid="signer-name" />
          <TextInput label="Role" required value={draft.signerRole} maxLength={200} onChange={(e) => set({ signerRole: e.currentTarget.value })} data-testid="signer-role" />
          <TextInput label="E-mail (optional)" type="email" value={draft.signerEmail} maxLength={320} error={emailBad ? 'Not an e-mail address' : undefined} onChange={(e) => set({ signerEmail: e.currentTarget.value })} data-testid="signer-email" />
        </SimpleGrid>
        <SignaturePadField key={padKey} onChange={(signature) => set({ signature })} />
        <Checkbox
          checked={draft.confirmed}
          onChange={(e) => set({ confirmed: e.currentTarget.checked })}
          label={statement}
          data-testid="confirm-statement"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {missing.length > 0 ? `Still needed: ${missing.join(', ')}` : 'Signing stores an immutable, signed sheet and its PDF.'}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => { setPadKey((k) => k + 1); set({ signature: null }); }}>
              Start over signature
            </Button>
            <Button leftSection={<IconSignature size={14} />} disabled={!ready} loading={signing} onClick={onSign} data-testid="sign-submit">
              Sign
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
