import { lazy, memo, Suspense } from 'react';
import { Loader } from '@mantine/core';
import { useNavigation } from '../state/navigation';
import { DeploymentOverview } from '../deployment/DeploymentOverview';
import { NoDeployment } from '../deployment/NoDeployment';
import { SiteWorkspace } from '../site/SiteWorkspace';

// The dashboard and its chart library load on first use, so the first screen stays light.
// Memoized: showing or hiding it (under the dashboard) must not re-render its site list.
const Overview = memo(DeploymentOverview);
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));

/** The site workspace when a site is chosen, else the deployment overview (or its dashboard), else a way to start. */
export function MainArea() {
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
          <Suspense fallback={<Loader size="sm" m="xl" />}>
            <DashboardView key={deploymentId} deploymentId={deploymentId} />
          </Suspense>
        )}
      </>
    );
  }
  return <NoDeployment />;
}
