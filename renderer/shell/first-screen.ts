import { create } from 'zustand';
import { prefetchQuery } from '../api/shared-query';

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
 * other as each component mounts: the profile, the deployments, and the navigator's reads of the
 * deployment it will show (the route's, else the first one, as DeploymentList picks it).
 */
export function prefetchFirstScreen(routeDeploymentId: string | null): void {
  const forDeployment = (deploymentId: string) => {
    void prefetchQuery('sites.list', { deploymentId });
    void prefetchQuery('deployments.get', { deploymentId });
    void prefetchQuery('issues.summary', { deploymentId });
  };
  void prefetchQuery('profile.get', {}).then((profile) => {
    // Without a profile the first-run form shows; its reads come after it.
    if (!profile.ok || profile.value === null) return;
    const deployments = prefetchQuery('deployments.list', {});
    if (routeDeploymentId) forDeployment(routeDeploymentId);
    else
      void deployments.then((result) => {
        const first = result.ok ? result.value[0] : undefined;
        if (first) forDeployment(first.id);
      });
  });
}
