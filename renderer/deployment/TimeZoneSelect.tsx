import { Select } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { supportedTimeZones } from '../format/zoned';
import { useText } from '../i18n/i18n';

interface Props {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
  error?: string | undefined;
}

/**
 * A searchable IANA zone picker. Typing searches from scratch: the box is emptied on focus (the
 * current zone stays visible as the placeholder) so "Jerusalem" is not appended to "UTC"; leaving
 * the box without choosing shows the current zone again.
 */
export function TimeZoneSelect({ value, onChange, label, error }: Props) {
  const t = useText();
  const shownLabel = label ?? t('deployment.timeZoneSelect.timeZone');
  const zones = useMemo(() => supportedTimeZones(), []);
  const [search, setSearch] = useState(value);
  useEffect(() => setSearch(value), [value]);
  return (
    <Select
      label={shownLabel}
      data={zones}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onFocus={() => setSearch('')}
      onOptionSubmit={(v) => setSearch(v)}
      placeholder={value}
      nothingFoundMessage={t('deployment.timeZoneSelect.noSuchTimeZone')}
      allowDeselect={false}
      error={error}
      data-testid="time-zone-select"
    />
  );
}
