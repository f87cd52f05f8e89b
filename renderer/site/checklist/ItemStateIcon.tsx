import { IconCircle, IconCircleCheckFilled, IconCircleMinus, IconCircleXFilled } from '@tabler/icons-react';
import type { ChecklistItemState } from '../../../shared/domain/enums';
import { ITEM_STATE } from '../../status/labels';

export function ItemStateIcon({ state }: { state: ChecklistItemState }) {
  const props = {
    size: 20,
    'aria-label': ITEM_STATE[state].label,
    style: { color: `var(--mantine-color-${ITEM_STATE[state].color}-filled)` },
  };
  switch (state) {
    case 'done':
      return <IconCircleCheckFilled {...props} />;
    case 'failed':
      return <IconCircleXFilled {...props} />;
    case 'not_applicable':
      return <IconCircleMinus {...props} />;
    case 'todo':
      return <IconCircle {...props} style={{ color: 'var(--mantine-color-dimmed)' }} />;
  }
}
