import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useText } from '../i18n/i18n';

/** The navigator's quick filter over site code and name (joins the first screen with the rest of the kit). */
export function SiteFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useText();
  return (
    <TextInput
      mx="sm"
      mb={4}
      size="xs"
      placeholder={t('navigator.siteFilter.filterSitesByCode')}
      leftSection={<IconSearch size={12} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={
        value ? <CloseButton size="xs" onClick={() => onChange('')} aria-label={t('navigator.siteFilter.clearFilter')} /> : null
      }
      data-testid="navigator-site-filter"
    />
  );
}
