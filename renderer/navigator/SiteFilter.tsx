import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** The navigator's quick filter over site code and name (joins the first screen with the rest of the kit). */
export function SiteFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      mx="sm"
      mb={4}
      size="xs"
      placeholder="Filter sites by code or name"
      leftSection={<IconSearch size={12} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={value ? <CloseButton size="xs" onClick={() => onChange('')} aria-label="Clear filter" /> : null}
      data-testid="navigator-site-filter"
    />
  );
}
