import { create } from 'zustand';

export const SITE_TABS = ['overview', 'inventory', 'checklist', 'machines', 'issues', 'training', 'signoff', 'report'] as const;
export type SiteTab = (typeof SITE_TABS)[number];

export function isSiteTab(value: unknown): value is SiteTab {
  return typeof value === 'string' && (SITE_TABS as readonly string[]).includes(value);
}

export interface Route {
  deploymentId: string | null;
  siteId: string | null;
  tab: SiteTab;
  /** The deployment's dashboard instead of its overview (no site chosen). */
  dashboard?: boolean;
  /** The issue open in the Issues tab's drawer (a page of its own: Back closes it). */
  issueId?: string | null;
}

interface NavigationState extends Route {
  selectDeployment: (deploymentId: string | null) => void;
  selectSite: (deploymentId: string, siteId: string, tab?: SiteTab) => void;
  /** Back to the deployment overview (no site chosen). */
  clearSite: () => void;
  setTab: (tab: SiteTab) => void;
  /** Opens (or with null closes) an issue of the current site in the Issues tab. */
  openIssue: (issueId: string | null) => void;
  openDashboard: (deploymentId: string) => void;
  /** Replace the whole route (used by the hash sync). */
  setRoute: (route: Route) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  deploymentId: null,
  siteId: null,
  tab: 'overview',
  selectDeployment: (deploymentId) =>
    set((s) =>
      s.deploymentId === deploymentId && s.siteId === null && !s.dashboard
        ? s
        : { deploymentId, siteId: null, dashboard: false, issueId: null },
    ),
  selectSite: (deploymentId, siteId, tab) => set((s) => ({ deploymentId, siteId, tab: tab ?? s.tab, dashboard: false, issueId: null })),
  clearSite: () => set({ siteId: null, issueId: null }),
  setTab: (tab) => set((s) => (s.tab === tab ? s : { tab, issueId: null })),
  openIssue: (issueId) => set({ tab: 'issues', issueId }),
  openDashboard: (deploymentId) => set({ deploymentId, siteId: null, dashboard: true, issueId: null }),
  setRoute: (route) => set({ issueId: null, ...route }),
}));
