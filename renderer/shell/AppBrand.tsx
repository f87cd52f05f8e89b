import { Text, ThemeIcon } from '@mantine/core';
import { IconBuildingBroadcastTower } from '@tabler/icons-react';

/** The app's mark and name at the header's start (painted with the first screen, kept by the full header). */
export function AppBrand() {
  return (
    <>
      <ThemeIcon size={28} radius="sm" variant="filled">
        <IconBuildingBroadcastTower size={18} />
      </ThemeIcon>
      <Text fw={700} size="md" data-testid="app-name">
        Outpost
      </Text>
    </>
  );
}
