import { Text, ThemeIcon } from '@mantine/core';
import { IconBuildingBroadcastTower } from '@tabler/icons-react';
import { useText } from '../i18n/i18n';

/** The app's mark and name at the header's start (painted with the first screen, kept by the full header). */
export function AppBrand() {
  const t = useText();
  return (
    <>
      <ThemeIcon size={28} radius="sm" variant="filled">
        <IconBuildingBroadcastTower size={18} />
      </ThemeIcon>
      <Text fw={700} size="md" data-testid="app-name">
        {t('shell.appBrand.outpost')}
      </Text>
    </>
  );
}
