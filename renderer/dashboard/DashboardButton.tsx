import { Button } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useNavigation } from '../state/navigation';
import { useProfile } from '../state/profile';
import { prefetchDashboard } from './dashboard-data';
import { isManagerRole } from '../../shared/domain/role-access';
import { useText } from '../i18n/i18n';

/** Loads the dashboard's code (charts included) ahead of the click, once the pointer is on the button. */
function preloadView(): void {
  void import('./DashboardView');
}

/** Opens the deployment's dashboard; shown to release managers and administrators. */
export function DashboardButton({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const role = useProfile((s) => s.profile?.role);
  const openDashboard = useNavigation((s) => s.openDashboard);
  if (!isManagerRole(role)) return null;
  return (
    <Button
      leftSection={<IconChartBar size={14} />}
      variant="light"
      onPointerEnter={preloadView}
      onFocus={preloadView}
      onClick={() => {
        prefetchDashboard(deploymentId);
        openDashboard(deploymentId);
      }}
      data-testid="open-dashboard"
    >
      {t('dashboard.dashboardButton.dashboard')}
    </Button>
  );
}
