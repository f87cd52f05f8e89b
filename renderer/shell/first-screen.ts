import { create } from 'zustand';
import { dropPrefetched, prefetchQuery } from '../api/shared-query';

/**
 * The first screen is the navigator with its sites. It paints from a small entry chunk (React,
 * the Mantine provider and the few light components the navigator uses); the rest of the kit
 * (header, main area, dialogs, notifications, Mantine's full styles) loads only after that paint,
 * so parsing it never delays the first screen.
 */
export const FIRST_SCREEN_MARK = 'outpost.first-screen';

/** How long the rest waits for the navigator at most (a navigator that cannot load must not hold it back). */
const FIRST_SCREEN_WAIT_MS = 1500;

interface FirstScreenState {
  /** True once the navigator has painted its first screen (or the wait ran out): load the rest. */
  ready: boolean;
}

export const useFirstScreen = create<FirstScreenState>(() => ({ ready: false }));

let marked = false;

/** Called by the navigator once it shows what it has (sites, or no deployment, or an error). */
export function markFirstScreen(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_SCREEN_MARK);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    useFirstScreen.setState({ ready: true });
  };
  // After the frame that shows it; the timer covers a hidden page, which runs no frames.
  requestAnimationFrame(() => setTimeout(release, 0));
  setTimeout(release, 100);
}

/** The safety net: starts the clock when the workspace frame mounts. */
export function waitForFirstScreen(): () => void {
  const timer = setTimeout(markFirstScreen, FIRST_SCREEN_WAIT_MS);
  return () => clearTimeout(timer);
}

/**
 * The reads the first screen waits on, started before React renders instead of one after the
 * other as each component mounts: the profile and the deployments together, then the navigator's
 * reads of the deployment it will show (the route's at once, else the first one, as
 * DeploymentList picks it). Without a profile the first-run form shows instead, and the early
 * answers are dropped: they were read before there was a profile.
 */
export function prefetchFirstScreen(routeDeploymentId: string | null): void {
  const forDeployment = (deploymentId: string) => [
    prefetchQuery('sites.list', { deploymentId }),
    prefetchQuery('deployments.get', { deploymentId }),
    prefetchQuery('issues.summary', { deploymentId }),
  ];
  const profile = prefetchQuery('profile.get', {});
  const deployments = prefetchQuery('deployments.list', {});
  const forRoute = routeDeploymentId ? forDeployment(routeDeploymentId) : [];
  void profile.then((answer) => {
    if (answer.ok && answer.value !== null) return;
    for (const read of [deployments, ...forRoute]) dropPrefetched(read);
  });
  if (routeDeploymentId) return;
  void Promise.all([profile, deployments]).then(([answer, list]) => {
    const first = list.ok ? list.value[0] : undefined;
    if (answer.ok && answer.value !== null && first) forDeployment(first.id);
  });
}
