import type { InventoryState } from '../../../shared/domain/enums';
import { INVENTORY_STATE } from '../../status/labels';
import classes from './InventoryTable.module.css';

/** A span, not a Mantine Badge: thousands of these are mounted while scrolling. */
export function StateBadge({ state }: { state: InventoryState | 'surplus' }) {
  const { label, color } = INVENTORY_STATE[state];
  return (
    <span
      className={classes.badge}
      data-state={state}
      style={
        {
          '--badge-bg': `var(--mantine-color-${color}-light)`,
          '--badge-fg': `var(--mantine-color-${color}-light-color)`,
        } as React.CSSProperties
      }
    >
      {label}
    </span>
  );
}
