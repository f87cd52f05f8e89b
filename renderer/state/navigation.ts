import { create } from 'zustand';

export const SITE_TABS = ['overview', 'inventory', 'checklist', 'machines', 'issues', 'signoff'] as const;
export type SiteTab = (typeof SITE_TABS)[number];

export function isSiteTab(value: unknown): value is SiteTab {
  return typeof value === 'string' && (SITE_TABS as readonly string[]).includes(value);
}

export interface Route {
  deploymentId: string | null;
  siteId: string | null;
  tab: SiteTab;
}

interface NavigationState extends Route {
  selectDeployment: (deploymentId: string | null) => void;
  selectSite: (deploymentId: string, siteId: string, tab?: SiteTab) => void;
  /** Back to the deployment overview (no site chosen). */
  clearSite: () => void;
  setTab: (tab: SiteTab) => void;
  /** Replace the whole route (used by the hash sync). */
  setRoute: (route: Route) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  deploymentId: null,
  siteId: null,
  tab: 'overview',
  selectDeployment: (deploymentId) =>
    set((s) => (s.deploymentId === deploymentId && s.siteId === null ? s : { deploymentId, siteId: null })),
  selectSite: (deploymentId, siteId, tab) => set((s) => ({ deploymentId, siteId, tab: tab ?? s.tab })),
  clearSite: () => set({ siteId: null }),
  setTab: (tab) => set({ tab }),
  setRoute: (route) => set(route),
}));
