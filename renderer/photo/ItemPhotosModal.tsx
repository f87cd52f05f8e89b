import { Modal } from '@mantine/core';
import type { InventoryItem } from '../../shared/domain/inventory';
import { ItemPhotos } from './ItemPhotos';
import { useText } from '../i18n/i18n';

/** What a surplus item is called in the photo dialogs: its serial, maker and model. */
export function surplusSubject(item: Pick<InventoryItem, 'foundSerial' | 'manufacturer' | 'model'>): string {
  return ['Surplus', item.foundSerial ?? '', item.manufacturer, item.model].filter((part) => part !== '').join(' ');
}

/** The photos of a surplus item, opened from its row in the inventory table. */
export function ItemPhotosModal({ item, onClose }: { item: InventoryItem | null; onClose: () => void }) {
  const t = useText();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t('photo.itemPhotosModal.photosOf', { item: surplusSubject(item) }) : ''}
      size="lg"
      data-testid="surplus-photos-modal"
    >
      {item && <ItemPhotos itemId={item.id} subject={surplusSubject(item)} />}
    </Modal>
  );
}
