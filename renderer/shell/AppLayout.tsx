import { AppShell, Group, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { Navigator } from '../navigator/Navigator';
import { AfterFirstScreen } from './AfterFirstScreen';
import { AppBrand } from './AppBrand';
import { waitForFirstScreen } from './first-screen';
import { HeaderPart, MainAreaPart, ShellExtrasPart } from './kit-parts';

/** The header's first paint: the name only, until the full header (sync, menus) joins. */
const headerFallback = (
  <Group h="100%" px="md" gap="xs" wrap="nowrap">
    <AppBrand />
  </Group>
);

/** The frame and the navigator paint first; the header, the main area and the dialogs follow (shell/first-screen.ts). */
export function AppLayout() {
  useEffect(waitForFirstScreen, []);
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: { base: 250, lg: 320 }, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <AfterFirstScreen fallback={headerFallback}>
          <HeaderPart />
        </AfterFirstScreen>
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigator />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <AfterFirstScreen fallback={<Loader size="sm" m="xl" />}>
          <MainAreaPart />
        </AfterFirstScreen>
      </AppShell.Main>
      <AfterFirstScreen>
        <ShellExtrasPart />
      </AfterFirstScreen>
    </AppShell>
  );
}
