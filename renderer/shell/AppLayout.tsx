import { AppShell } from '@mantine/core';
import { CreateDeploymentModal } from '../deployment/CreateDeploymentModal';
import { Navigator } from '../navigator/Navigator';
import { SyncDialogs } from '../sync/SyncDialogs';
import { Header } from './Header';
import { MainArea } from './MainArea';
import { ShortcutsModal } from './ShortcutsModal';
import { useGlobalHotkeys } from './useGlobalHotkeys';

export function AppLayout() {
  useGlobalHotkeys();
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: { base: 250, lg: 320 }, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigator />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <MainArea />
      </AppShell.Main>
      <ShortcutsModal />
      <CreateDeploymentModal />
      <SyncDialogs />
    </AppShell>
  );
}
