import type { SiteStatus } from '../../../shared/domain/enums';
import type { SiteSummary } from '../../../shared/domain/site';

/** The site table's filter: every given part must hold ('' = any). */
export interface SiteFilter {
  text: string;
  waveId: string;
  status: SiteStatus | '';
  technician: string;
}

export const NO_FILTER: SiteFilter = { text: '', waveId: '', status: '', technician: '' };

/** `waveId` "none" means sites without a wave. */
export const NO_WAVE = 'none';

export function isFiltered(filter: SiteFilter): boolean {
  return filter.text.trim() !== '' || filter.waveId !== '' || filter.status !== '' || filter.technician.trim() !== '';
}

/** The sites the filter shows, in the table's order: text in code, name or address; technician by name. */
export function filterSites<S extends Pick<SiteSummary, 'code' | 'name' | 'address' | 'waveId' | 'status' | 'technicians'>>(
  sites: readonly S[],
  filter: SiteFilter,
): S[] {
  const text = filter.text.trim().toLowerCase();
  const technician = filter.technician.trim().toLowerCase();
  return sites.filter(
    (s) =>
      (text === '' ||
        s.code.toLowerCase().includes(text) ||
        s.name.toLowerCase().includes(text) ||
        s.address.toLowerCase().includes(text)) &&
      (filter.waveId === '' || (filter.waveId === NO_WAVE ? s.waveId === null : s.waveId === filter.waveId)) &&
      (filter.status === '' || s.status === filter.status) &&
      (technician === '' || s.technicians.some((t) => t.name.toLowerCase().includes(technician))),
  );
}

/**
 * A click on a row's checkbox. Without shift it toggles that row and becomes the anchor; with
 * shift it sets every row from the anchor to it (in the shown order) to the clicked row's new
 * state, as file managers do.
 */
export function clickSelection(
  selected: ReadonlySet<string>,
  shownIds: readonly string[],
  anchor: string | null,
  clicked: string,
  shift: boolean,
): { selected: Set<string>; anchor: string } {
  const next = new Set(selected);
  const on = !selected.has(clicked);
  const from = anchor === null ? -1 : shownIds.indexOf(anchor);
  const to = shownIds.indexOf(clicked);
  if (shift && from >= 0 && to >= 0) {
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (const id of shownIds.slice(lo, hi + 1)) {
      if (on) next.add(id);
      else next.delete(id);
    }
  } else if (on) next.add(clicked);
  else next.delete(clicked);
  return { selected: next, anchor: clicked };
}
