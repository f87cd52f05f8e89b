/**
 * Where a site stands against its scheduled window at `now`: signed off before the window opened
 * (early), within it (on time) or after it (late); not signed off with the window over (overdue),
 * open now (in window) or still ahead (upcoming); or no window planned. The one definition for the
 * dashboard, the close-out report and the post-deployment review (issue #17, item 12).
 */
export const ADHERENCE_KINDS = ['early', 'onTime', 'late', 'overdue', 'inWindow', 'upcoming', 'noWindow'] as const;
export type AdherenceKind = (typeof ADHERENCE_KINDS)[number];

interface ScheduledSite {
  windowStart: string | null;
  windowEnd: string | null;
}

/** A signed-off site against its window; the moment of asking plays no part. */
export function signedAdherence(site: ScheduledSite & { signedOffAt: string }): 'early' | 'onTime' | 'late' | 'noWindow' {
  const end = site.windowEnd ? Date.parse(site.windowEnd) : Number.NaN;
  if (Number.isNaN(end)) return 'noWindow';
  const start = site.windowStart ? Date.parse(site.windowStart) : Number.NaN;
  const signed = Date.parse(site.signedOffAt);
  if (!Number.isNaN(start) && signed < start) return 'early';
  return signed <= end ? 'onTime' : 'late';
}

export function adherenceOf(site: ScheduledSite & { signedOffAt: string | null }, now: number): AdherenceKind {
  if (site.signedOffAt) return signedAdherence({ ...site, signedOffAt: site.signedOffAt });
  const end = site.windowEnd ? Date.parse(site.windowEnd) : Number.NaN;
  if (Number.isNaN(end)) return 'noWindow';
  if (now > end) return 'overdue';
  const start = site.windowStart ? Date.parse(site.windowStart) : Number.NaN;
  return !Number.isNaN(start) && now < start ? 'upcoming' : 'inWindow';
}
