import { AppShell, Box, Divider, ScrollArea } from '@mantine/core';
import { ImportReportsButton } from '../site-report/ImportReportsButton';
import { useNavigation } from '../state/navigation';
import { DeploymentList } from './DeploymentList';
import { SiteTree } from './SiteTree';

/** Left column: deployments, then the sites of the selected one. */
export function Navigator() {
  const deploymentId = useNavigation((s) => s.deploymentId);
  return (
    <>
      <AppShell.Section>
        <DeploymentList />
        <Box px="sm" pb="xs">
          <ImportReportsButton />
        </Box>
      </AppShell.Section>
      <Divider />
      <AppShell.Section grow component={ScrollArea} type="auto" pb="md">
        {deploymentId && <SiteTree key={deploymentId} deploymentId={deploymentId} />}
      </AppShell.Section>
    </>
  );
}
