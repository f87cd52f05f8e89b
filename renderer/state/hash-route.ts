import { isSiteTab, useNavigation, type Route } from './navigation';

/**
 * The navigation lives in the location hash so a reload (or Alt+Left in the desktop shell) keeps
 * the technician where they were: #/d/<deploymentId>[/s/<siteId>[/<tab>[/<issueId>]]], or #/d/<deploymentId>/dashboard.
 */
export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => decodeURIComponent(p));
  const route: Route = { deploymentId: null, siteId: null, tab: 'overview' };
  if (parts[0] === 'd' && parts[1]) {
    route.deploymentId = parts[1];
    if (parts[2] === 's' && parts[3]) {
      route.siteId = parts[3];
      if (isSiteTab(parts[4])) route.tab = parts[4];
      if (route.tab === 'issues' && parts[5]) route.issueId = parts[5];
    } else if (parts[2] === 'dashboard') {
      route.dashboard = true;
    }
  }
  return route;
}

export function formatHash(route: Route): string {
  if (!route.deploymentId) return '';
  const base = `#/d/${encodeURIComponent(route.deploymentId)}`;
  if (!route.siteId && route.dashboard) return `${base}/dashboard`;
  if (!route.siteId) return base;
  const site = `${base}/s/${encodeURIComponent(route.siteId)}/${route.tab}`;
  return route.tab === 'issues' && route.issueId ? `${site}/${encodeURIComponent(route.issueId)}` : site;
}

/** Read the route from the hash now, then keep the two in step. Call after the API token was captured. */
export function startHashSync(): () => void {
  useNavigation.getState().setRoute(parseHash(window.location.hash));

  const onHashChange = () => {
    const next = parseHash(window.location.hash);
    const s = useNavigation.getState();
    if (
      next.deploymentId !== s.deploymentId ||
      next.siteId !== s.siteId ||
      next.tab !== s.tab ||
      !!next.dashboard !== !!s.dashboard ||
      (next.issueId ?? null) !== (s.issueId ?? null)
    )
      s.setRoute({ dashboard: false, ...next });
  };
  window.addEventListener('hashchange', onHashChange);

  const unsubscribe = useNavigation.subscribe((state, previous) => {
    const hash = formatHash(state);
    if (hash === (window.location.hash || '')) return;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    // A new place is a history entry, and so is a tab of a site (a page of its own): Back from
    // Issues returns to the tab before, not out of the site.
    const moved =
      state.deploymentId !== previous.deploymentId ||
      state.siteId !== previous.siteId ||
      !!state.dashboard !== !!previous.dashboard ||
      state.tab !== previous.tab ||
      (state.issueId ?? null) !== (previous.issueId ?? null);
    if (moved) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  });

  return () => {
    window.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
