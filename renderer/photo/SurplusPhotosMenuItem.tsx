import { Menu } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useText } from '../i18n/i18n';

/** "Photos…" in an inventory row's menu: a surplus item's photos, to see and to add. */
export function SurplusPhotosMenuItem({ onClick }: { onClick: () => void }) {
  const t = useText();
  return (
    <>
      <Menu.Divider />
      <Menu.Item leftSection={<IconCamera size={14} />} onClick={onClick} data-testid="surplus-photos-open">
        {t('photo.surplusPhotosMenuItem.photos')}
      </Menu.Item>
    </>
  );
}
