import { ActionIcon, Tooltip } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useToggleTheme } from './useToggleTheme';

export function ThemeToggle() {
  const { scheme, toggle } = useToggleTheme();
  const label = scheme === 'dark' ? 'Light theme (T)' : 'Dark theme (T)';
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="md" onClick={toggle} aria-label={label} data-testid="theme-toggle">
        {scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}
