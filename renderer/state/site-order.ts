import { create } from 'zustand';

/** The sites of the selected deployment in navigator order, for "next/previous site" shortcuts. */
interface SiteOrderState {
  deploymentId: string | null;
  siteIds: string[];
  setOrder: (deploymentId: string, siteIds: string[]) => void;
}

export const useSiteOrder = create<SiteOrderState>((set) => ({
  deploymentId: null,
  siteIds: [],
  setOrder: (deploymentId, siteIds) => set({ deploymentId, siteIds }),
}));

/** The site `step` places after (or before, if negative) the current one, wrapping around. */
export function neighbourSite(siteIds: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (siteIds.length === 0) return null;
  const index = current === null ? -1 : siteIds.indexOf(current);
  if (index === -1) return step === 1 ? (siteIds[0] ?? null) : (siteIds[siteIds.length - 1] ?? null);
  return siteIds[(index + step + siteIds.length) % siteIds.length] ?? null;
}
