import { Menu } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';

/** "Photos…" in an inventory row's menu: a surplus item's photos, to see and to add. */
export function SurplusPhotosMenuItem({ onClick }: { onClick: () => void }) {
  return (
    <>
      <Menu.Divider />
      <Menu.Item leftSection={<IconCamera size={14} />} onClick={onClick} data-testid="surplus-photos-open">
        Photos…
      </Menu.Item>
    </>
  );
}
