import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { signOffDecisionSchema, type SignOffDecision } from '../../../shared/domain/signoff';
import { LANGUAGE_NAMES, SITE_LANGUAGES, siteLanguageSchema, type SiteLanguage } from '../../../shared/i18n/languages';
import type { DecisionVerdict } from '../../../shared/signoff/decision-rules';
import { textTooLong } from '../../../shared/logic/text-limits';
import { useOwnerText } from '../../i18n/owner-text';
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
  /** The language the signer reads: the statement below is in it, and the sheet is signed in it. */
  language: SiteLanguage;
  onLanguage: (language: SiteLanguage) => void;
  statement: string;
  verdict: DecisionVerdict;
  signing: boolean;
  onSign: () => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Signer, decision, statement and the drawn signature, in the signer's language (switchable here). */
export function SignForm({ draft, onChange, language, onLanguage, statement, verdict, signing, onSign }: Props) {
  const t = useOwnerText(language);
  const [padKey, setPadKey] = useState(0);
  const set = (patch: Partial<SignDraft>) => onChange({ ...draft, ...patch });
  const emailBad = draft.signerEmail.trim() !== '' && !EMAIL.test(draft.signerEmail.trim());
  const missing = [
    !draft.signerName.trim() && t('signoff.form.needs.name'),
    !draft.signerRole.trim() && t('signoff.form.needs.role'),
    !draft.signature && t('signoff.form.needs.signature'),
    !draft.confirmed && t('signoff.form.needs.confirmation'),
  ].filter(Boolean);
  const reasonTooLong = textTooLong(draft.reason);
  const ready = verdict.allowed && missing.length === 0 && !emailBad && reasonTooLong === null;

  return (
    <Paper withBorder p="sm" data-testid="sign-form" lang={language}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {t('signoff.form.title')}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed" id="sheet-language-label">
              {t('signoff.form.language')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="sheet-language-label"
              value={language}
              onChange={(v) => onLanguage(siteLanguageSchema.parse(v))}
              data={SITE_LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{LANGUAGE_NAMES[l]}</span> }))}
              disabled={signing}
              data-testid="sheet-language"
            />
          </Group>
        </Group>
        <Radio.Group
          value={draft.decision}
          onChange={(v) => set({ decision: signOffDecisionSchema.parse(v) })}
          label={t('signoff.form.decision')}
          required
        >
          <Group mt={4}>
            {signOffDecisionSchema.options.map((d) => (
              <Radio key={d} value={d} label={t(`signoff.decision.${d}`)} data-testid={`decision-${d}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={draft.decision === 'rejected' ? t('signoff.form.reasonRejected') : t('signoff.form.remarks')}
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
          <Alert color="orange" variant="light" p="xs" data-testid="decision-refusal" lang="en">
            {verdict.reason}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('signoff.form.name')}
            required
            value={draft.signerName}
            maxLength={200}
            onChange={(e) => set({ signerName: e.currentTarget.value })}
            data-testid="signer-name"
          />
          <TextInput
            label={t('signoff.form.role')}
            required
            value={draft.signerRole}
            maxLength={200}
            onChange={(e) => set({ signerRole: e.currentTarget.value })}
            data-testid="signer-role"
          />
          <TextInput
            label={t('signoff.form.email')}
            type="email"
            value={draft.signerEmail}
            maxLength={320}
            error={emailBad ? t('signoff.form.emailInvalid') : undefined}
            onChange={(e) => set({ signerEmail: e.currentTarget.value })}
            data-testid="signer-email"
          />
        </SimpleGrid>
        <SignaturePadField key={padKey} language={language} onChange={(signature) => set({ signature })} />
        <Checkbox
          checked={draft.confirmed}
          onChange={(e) => set({ confirmed: e.currentTarget.checked })}
          label={statement}
          data-testid="confirm-statement"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {missing.length > 0 ? t('signoff.form.stillNeeded', { list: missing.join(', ') }) : t('signoff.form.signingStores')}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setPadKey((k) => k + 1);
                set({ signature: null });
              }}
            >
              {t('signoff.form.startOver')}
            </Button>
            <Button
              leftSection={<IconSignature size={14} />}
              disabled={!ready}
              loading={signing}
              onClick={onSign}
              data-testid="sign-submit"
            >
              {t('signoff.form.sign')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
