import { lazy, memo, Suspense } from 'react';
import { Loader } from '@mantine/core';
import { useNavigation } from '../state/navigation';
import { ChunkErrorBoundary } from './ChunkErrorBoundary';

// One chunk per route: a site's workspace, a deployment's overview, its dashboard (with the chart
// library) and the empty state each load on first use, so no screen parses another's script.
// The overview is memoized: showing or hiding it (under the dashboard) must not re-render its site list.
const SiteWorkspace = lazy(() => import('../site/SiteWorkspace').then((m) => ({ default: m.SiteWorkspace })));
const Overview = lazy(() => import('../deployment/DeploymentOverview').then((m) => ({ default: memo(m.DeploymentOverview) })));
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));
const NoDeployment = lazy(() => import('../deployment/NoDeployment').then((m) => ({ default: m.NoDeployment })));
const routeLoading = <Loader size="sm" m="xl" />;

/** The site workspace when a site is chosen, else the deployment overview (or its dashboard), else a way to start. */
export function MainArea() {
  const deploymentId = useNavigation((s) => s.deploymentId);
  const siteId = useNavigation((s) => s.siteId);
  // Keyed by the place: a route that failed to load does not keep the next one from trying.
  return (
    <ChunkErrorBoundary key={`${deploymentId}/${siteId}`}>
      <Suspense fallback={routeLoading}>
        <Route />
      </Suspense>
    </ChunkErrorBoundary>
  );
}

function Route() {
  const deploymentId = useNavigation((s) => s.deploymentId);
  const siteId = useNavigation((s) => s.siteId);
  const dashboard = useNavigation((s) => s.dashboard);
  if (deploymentId && siteId) return <SiteWorkspace key={siteId} deploymentId={deploymentId} siteId={siteId} />;
  if (deploymentId) {
    // The overview stays mounted (hidden) under the dashboard: switching between the two does not
    // tear down and rebuild a large site list.
    return (
      <>
        <div style={{ display: dashboard ? 'none' : 'contents' }}>
          <Overview key={deploymentId} deploymentId={deploymentId} />
        </div>
        {dashboard && (
          <Suspense fallback={routeLoading}>
            <DashboardView key={deploymentId} deploymentId={deploymentId} />
          </Suspense>
        )}
      </>
    );
  }
  return <NoDeployment />;
}
