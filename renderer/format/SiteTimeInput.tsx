import { TextInput, type TextInputProps } from '@mantine/core';
import { useText } from '../i18n/i18n';

/**
 * A date and time typed as wall time in the site's zone (a datetime-local value), its label naming
 * the zone so nobody enters their own: outage times, training sessions. Conversion to an instant is
 * shared/time/wall-time.ts.
 */
export function SiteTimeInput({ label, zone, ...props }: Omit<TextInputProps, 'type' | 'label'> & { label: string; zone: string }) {
  const t = useText();
  return <TextInput label={t('format.siteTimeInput.siteTime', { label, zone })} type="datetime-local" {...props} />;
}
