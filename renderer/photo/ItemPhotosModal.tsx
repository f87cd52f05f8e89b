import { Modal } from '@mantine/core';
import type { InventoryItem } from '../../shared/domain/inventory';
import { ItemPhotos } from './ItemPhotos';

/** What a surplus item is called in the photo dialogs: its serial, maker and model. */
export function surplusSubject(item: Pick<InventoryItem, 'foundSerial' | 'manufacturer' | 'model'>): string {
  return ['Surplus', item.foundSerial ?? '', item.manufacturer, item.model].filter((part) => part !== '').join(' ');
}

/** The photos of a surplus item, opened from its row in the inventory table. */
export function ItemPhotosModal({ item, onClose }: { item: InventoryItem | null; onClose: () => void }) {
  return (
    <Modal opened={item !== null} onClose={onClose} title={item ? `Photos of ${surplusSubject(item)}` : ''} size="lg" data-testid="surplus-photos-modal">
      {item && <ItemPhotos itemId={item.id} subject={surplusSubject(item)} />}
    </Modal>
  );
}
