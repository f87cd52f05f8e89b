import { useNavigation } from '../state/navigation';
import { DeploymentOverview } from '../deployment/DeploymentOverview';
import { NoDeployment } from '../deployment/NoDeployment';
import { SiteWorkspace } from '../site/SiteWorkspace';

/** The site workspace when a site is chosen, else the deployment overview, else a way to start. */
export function MainArea() {
  const deploymentId = useNavigation((s) => s.deploymentId);
  const siteId = useNavigation((s) => s.siteId);
  if (deploymentId && siteId) return <SiteWorkspace key={siteId} deploymentId={deploymentId} siteId={siteId} />;
  if (deploymentId) return <DeploymentOverview key={deploymentId} deploymentId={deploymentId} />;
  return <NoDeployment />;
}
