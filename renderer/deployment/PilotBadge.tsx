import { Badge, type BadgeProps } from '@mantine/core';
import { useText } from '../i18n/i18n';

/**
 * The pilot wave's mark, the same in the navigator, the wave cards and the waves dialog. Light
 * variant: its text keeps a readable contrast on dark surfaces too (axe, #17 item 18).
 */
export function PilotBadge(props: Omit<BadgeProps, 'children' | 'variant' | 'color' | 'size'>) {
  const t = useText();
  return (
    <Badge size="xs" variant="light" color="grape" {...props}>
      {t('deployment.pilotBadge.pilot')}
    </Badge>
  );
}
