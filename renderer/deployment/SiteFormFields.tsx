import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { Wave } from '../../shared/domain/deployment';
import { SITE_NOTES_MAX_LENGTH } from '../../shared/domain/site';
import type { SiteTechnician } from '../../shared/domain/site-technician';
import { SITE_WINDOW_MESSAGE, spanEndsAfterStart } from '../../shared/domain/time-span';
import { defaultSiteLanguage, LANGUAGE_NAMES, SITE_LANGUAGES, siteLanguageSchema, type SiteLanguage } from '../../shared/i18n/languages';
import { wallTimeToIso } from '../format/zoned';
import { useText } from '../i18n/i18n';
import { TechniciansField } from './TechniciansField';
import { TimeZoneSelect } from './TimeZoneSelect';

/** What the site form edits; the window is wall time in `timeZone` ("2026-12-01T20:00"). */
export interface SiteDraft {
  code: string;
  name: string;
  address: string;
  ownerName: string;
  ownerEmail: string;
  ownerPhone: string;
  windowStart: string;
  windowEnd: string;
  waveId: string | null;
  timeZone: string;
  technicians: SiteTechnician[];
  /** Access, parking, who to ask on the day. */
  notes: string;
  /** The site owner's language; null = from the site's country. */
  language: SiteLanguage | null;
}

/** The input paths the site form shows at their own field (a failed save puts its message there). */
export const SITE_FORM_FIELDS = [
  'code',
  'name',
  'address',
  'ownerName',
  'ownerEmail',
  'ownerPhone',
  'windowStart',
  'windowEnd',
  'waveId',
  'timeZone',
  'technicians',
  'notes',
  'language',
] as const;

/** The shared window rule applied to the wall times being typed, so the form says it before saving. */
export function windowInOrder(draft: Pick<SiteDraft, 'windowStart' | 'windowEnd' | 'timeZone'>): boolean {
  return spanEndsAfterStart(wallTimeToIso(draft.windowStart, draft.timeZone), wallTimeToIso(draft.windowEnd, draft.timeZone));
}

type TextKey = 'code' | 'name' | 'address' | 'ownerName' | 'ownerEmail' | 'ownerPhone' | 'windowStart' | 'windowEnd';

interface Props {
  draft: SiteDraft;
  onChange: (draft: SiteDraft) => void;
  waves: readonly Wave[];
  wavePlaceholder: string;
  /** Errors of the last failed save, by input path (see SITE_FORM_FIELDS). */
  errors?: Readonly<Record<string, string>>;
  autoFocusCode?: boolean;
  codePlaceholder?: string;
}

/** The plan fields of one site, shared by "Add site" and "Edit site". */
export function SiteFormFields({ draft, onChange, waves, wavePlaceholder, errors = {}, autoFocusCode = false, codePlaceholder }: Props) {
  const t = useText();
  const windowError = windowInOrder(draft) ? errors.windowEnd : SITE_WINDOW_MESSAGE;
  const field = (key: TextKey) => ({
    value: draft[key],
    error: key === 'windowEnd' ? windowError : errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...draft, [key]: e.currentTarget.value }),
  });
  return (
    <>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t('deployment.siteFormFields.code')}
          required
          placeholder={codePlaceholder}
          {...field('code')}
          data-autofocus={autoFocusCode || undefined}
          maxLength={40}
        />
        <TextInput
          label={t('deployment.siteFormFields.name')}
          required
          style={{ gridColumn: 'span 2' }}
          {...field('name')}
          maxLength={200}
        />
      </SimpleGrid>
      <TextInput label={t('deployment.siteFormFields.address')} {...field('address')} maxLength={500} />
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('deployment.siteFormFields.wave')}
          placeholder={wavePlaceholder}
          data={waves.map((w) => ({ value: w.id, label: `${w.sequence}. ${w.name}` }))}
          value={draft.waveId}
          onChange={(waveId) => onChange({ ...draft, waveId })}
          clearable
          error={errors.waveId}
        />
        <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => onChange({ ...draft, timeZone })} error={errors.timeZone} />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('deployment.siteFormFields.windowStartSiteTime')} type="datetime-local" {...field('windowStart')} />
        <TextInput
          label={t('deployment.siteFormFields.windowEndSiteTime')}
          type="datetime-local"
          {...field('windowEnd')}
          data-testid="site-window-end"
        />
      </SimpleGrid>
      <Text size="xs" fw={600} mt={4}>
        {t('deployment.siteFormFields.siteOwner')}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('deployment.siteFormFields.name')} {...field('ownerName')} maxLength={200} />
        <TextInput label={t('deployment.siteFormFields.eMail')} type="email" {...field('ownerEmail')} maxLength={200} />
        <TextInput label={t('deployment.siteFormFields.phone')} type="tel" {...field('ownerPhone')} maxLength={60} />
      </SimpleGrid>
      <Select
        label={t('site.language.label')}
        description={t('site.language.description')}
        placeholder={t('site.language.fromCountry', { language: LANGUAGE_NAMES[defaultSiteLanguage(draft.timeZone)] })}
        data={SITE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        value={draft.language}
        onChange={(value) => onChange({ ...draft, language: value === null ? null : siteLanguageSchema.parse(value) })}
        clearable
        error={errors.language}
        data-testid="site-language"
      />
      <TechniciansField
        value={draft.technicians}
        onChange={(technicians) => onChange({ ...draft, technicians })}
        error={errors.technicians}
      />
      <Textarea
        label={t('deployment.siteFormFields.notes')}
        description={t('deployment.siteFormFields.accessParkingWhoTo')}
        value={draft.notes}
        onChange={(e) => onChange({ ...draft, notes: e.currentTarget.value })}
        error={errors.notes}
        maxLength={SITE_NOTES_MAX_LENGTH}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="site-notes"
      />
    </>
  );
}
