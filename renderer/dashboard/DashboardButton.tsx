import { Button } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useNavigation } from '../state/navigation';
import { useProfile } from '../state/profile';

/** Opens the deployment's dashboard; shown to release managers and administrators. */
export function DashboardButton({ deploymentId }: { deploymentId: string }) {
  const role = useProfile((s) => s.profile?.role);
  const openDashboard = useNavigation((s) => s.openDashboard);
  if (role !== 'release_manager' && role !== 'administrator') return null;
  return (
    <Button leftSection={<IconChartBar size={14} />} variant="light" onClick={() => openDashboard(deploymentId)} data-testid="open-dashboard">
      Dashboard
    </Button>
  );
}
