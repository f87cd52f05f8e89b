import { createContext, useContext, type ReactNode } from 'react';
import { formatInstant, viewerTimeHint, type InstantStyle } from '../../shared/time/format-time';
import { viewerZone } from './time';

/** The zone times are shown in below it: a site's own zone inside its workspace. */
const DisplayZone = createContext<string | null>(null);

export function DisplayZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <DisplayZone.Provider value={zone}>{children}</DisplayZone.Provider>;
}

/** The zone a view shows times in: the site's inside a site workspace, otherwise the viewer's own. */
export function useDisplayZone(): string {
  return useContext(DisplayZone) ?? viewerZone();
}

interface Props {
  iso: string | null | undefined;
  /** Defaults to the display zone (the site's in its workspace). */
  zone?: string | null | undefined;
  style?: InstantStyle;
}

/**
 * A moment for people: in the site's zone (or the given one) with the zone named, and the same
 * moment in the viewer's own zone on hover.
 */
export function Time({ iso, zone, style = 'dateTime' }: Props) {
  const displayZone = useDisplayZone();
  const shown = zone || displayZone;
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={viewerTimeHint(iso, shown, viewerZone()) ?? undefined} data-zone={shown}>
      {formatInstant(iso, shown, style)}
    </time>
  );
}
