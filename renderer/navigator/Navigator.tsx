import { AppShell, Box, Divider } from '@mantine/core';
import { AfterFirstScreen } from '../shell/AfterFirstScreen';
import { ImportReportsButtonPart } from '../shell/kit-parts';
import { useNavigation } from '../state/navigation';
import { DeploymentList } from './DeploymentList';
import { SiteTree } from './SiteTree';
import classes from './Navigator.module.css';

/** Left column: deployments, then the sites of the selected one. */
export function Navigator() {
  const deploymentId = useNavigation((s) => s.deploymentId);
  return (
    <>
      <AppShell.Section>
        <DeploymentList />
        <Box px="sm" pb="xs">
          <AfterFirstScreen>
            <ImportReportsButtonPart />
          </AfterFirstScreen>
        </Box>
      </AppShell.Section>
      <Divider />
      <AppShell.Section grow className={classes.scroll} pb="md">
        {deploymentId && <SiteTree key={deploymentId} deploymentId={deploymentId} />}
      </AppShell.Section>
    </>
  );
}
