import { useMemo, useState } from 'react';
import type { SiteSummary } from '../../../shared/domain/site';
import { useCanAuthor } from '../authoring/useCanAuthor';
import { clickSelection, filterSites, NO_FILTER, type SiteFilter } from './site-selection';

export interface BulkSelection {
  /** Release managers and administrators only; for others the table is as before. */
  enabled: boolean;
  filter: SiteFilter;
  setFilter: (filter: SiteFilter) => void;
  /** The sites the filter shows, in table order. */
  shown: SiteSummary[];
  /** Selected sites that still exist (a site may vanish after a sync). */
  selectedIds: string[];
  isSelected: (siteId: string) => boolean;
  click: (siteId: string, shift: boolean) => void;
  selectAllShown: () => void;
  clear: () => void;
}

/** The site table's filter and selection (kept across bulk edits, so two edits can follow each other). */
export function useBulkSelection(ordered: readonly SiteSummary[]): BulkSelection {
  const enabled = useCanAuthor();
  const [filter, setFilter] = useState<SiteFilter>(NO_FILTER);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const shown = useMemo(() => (enabled ? filterSites(ordered, filter) : [...ordered]), [enabled, ordered, filter]);
  const selectedIds = useMemo(() => ordered.filter((s) => selected.has(s.id)).map((s) => s.id), [ordered, selected]);
  return {
    enabled,
    filter,
    setFilter,
    shown,
    selectedIds,
    isSelected: (siteId) => selected.has(siteId),
    click: (siteId, shift) => {
      const next = clickSelection(
        selected,
        shown.map((s) => s.id),
        anchor,
        siteId,
        shift,
      );
      setSelected(next.selected);
      setAnchor(next.anchor);
    },
    selectAllShown: () => setSelected(new Set([...selected, ...shown.map((s) => s.id)])),
    clear: () => {
      setSelected(new Set());
      setAnchor(null);
    },
  };
}
