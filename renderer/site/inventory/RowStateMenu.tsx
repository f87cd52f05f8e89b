import { Menu } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconQuestionMark, IconTool } from '@tabler/icons-react';
import type { InventoryState } from '../../../shared/domain/enums';
import type { InventoryItem } from '../../../shared/domain/inventory';
import { INVENTORY_STATE } from '../../status/labels';
import { useText } from '../../i18n/i18n';
import { SurplusPhotosMenuItem } from '../../photo/SurplusPhotosMenuItem';

export interface RowMenuAnchor {
  item: InventoryItem;
  rect: DOMRect;
}

const ACTIONS: { state: InventoryState; icon: React.ReactNode; hint: string }[] = [
  { state: 'installed', icon: <IconTool size={14} />, hint: 'Mounted and cabled' },
  { state: 'missing', icon: <IconQuestionMark size={14} />, hint: 'Not delivered' },
  { state: 'damaged', icon: <IconAlertTriangle size={14} />, hint: 'Arrived damaged' },
  { state: 'returned', icon: <IconArrowBackUp size={14} />, hint: 'Sent back' },
];

interface Props {
  anchor: RowMenuAnchor | null;
  onClose: () => void;
  onPick: (item: InventoryItem, state: InventoryState) => void;
  /** Opens the photos of a surplus item (offered on surplus rows only). */
  onPhotos?: (item: InventoryItem) => void;
}

/**
 * One menu shared by all rows, placed over the clicked row button, so the table does not
 * mount a Menu per row.
 */
export function RowStateMenu({ anchor, onClose, onPick, onPhotos }: Props) {
  const t = useText();
  const rect = anchor?.rect;
  return (
    <Menu opened={anchor !== null} onChange={(open) => !open && onClose()} position="bottom-end" width={180} shadow="md">
      <Menu.Target>
        <div
          aria-hidden
          style={{
            position: 'fixed',
            left: rect?.left ?? 0,
            top: rect?.top ?? 0,
            width: rect?.width ?? 0,
            height: rect?.height ?? 0,
            pointerEvents: 'none',
          }}
        />
      </Menu.Target>
      <Menu.Dropdown data-testid="inventory-state-menu">
        <Menu.Label>{t('site.inventory.rowStateMenu.setState')}</Menu.Label>
        {ACTIONS.map((a) => (
          <Menu.Item
            key={a.state}
            leftSection={a.icon}
            disabled={anchor?.item.state === a.state}
            onClick={() => anchor && onPick(anchor.item, a.state)}
            data-testid={`set-state-${a.state}`}
            title={a.hint}
          >
            {INVENTORY_STATE[a.state].label}
          </Menu.Item>
        ))}
        {anchor?.item.isSurplus && onPhotos && <SurplusPhotosMenuItem onClick={() => onPhotos(anchor.item)} />}
      </Menu.Dropdown>
    </Menu>
  );
}
