// Everything that follows the first screen, as one chunk (loaded through shell/kit-parts.ts):
// Mantine's full styles and the parts of the app that need more of the kit than the navigator.
import '../theme/kit-styles';
import { Notifications } from '@mantine/notifications';
import { CreateDeploymentModal } from '../deployment/CreateDeploymentModal';
import { SyncDialogs } from '../sync/SyncDialogs';
import { ShortcutsModal } from './ShortcutsModal';
import { useGlobalHotkeys } from './useGlobalHotkeys';

export { Tooltip } from '@mantine/core';
export { FirstRun } from '../first-run/FirstRun';
export { SiteFilter } from '../navigator/SiteFilter';
export { ImportReportsButton } from '../site-report/ImportReportsButton';
export { Header } from './Header';
export { MainArea } from './MainArea';
export { StartupError } from './StartupError';

/** Where notifications show (queued ones, e.g. a refused deep link, appear when it mounts). */
export function KitNotifications() {
  return <Notifications position="bottom-right" limit={4} />;
}

/** The workspace's dialogs, notifications and keyboard shortcuts. */
export function ShellExtras() {
  useGlobalHotkeys();
  return (
    <>
      <KitNotifications />
      <ShortcutsModal />
      <CreateDeploymentModal />
      <SyncDialogs />
    </>
  );
}
