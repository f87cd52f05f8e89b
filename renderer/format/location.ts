import type { InventoryItem } from '../../shared/domain/inventory';

/** "Server room / R1 / U3" — the unit gets its "U" whether or not the plan wrote one. */
export function formatLocation(item: Pick<InventoryItem, 'room' | 'rack' | 'unit'>): string {
  const unit = item.unit ? `U${item.unit.replace(/^U/i, '')}` : '';
  return [item.room, item.rack, unit].filter(Boolean).join(' / ');
}
