import type { InventoryItem } from '../../shared/domain/inventory';

/** "Server room / R1 / U3" or "Sales floor / Till 2": a bare number is a rack unit and gets its "U". */
export function formatLocation(item: Pick<InventoryItem, 'room' | 'rack' | 'unit'>): string {
  const unit = /^\d+$/.test(item.unit.trim()) ? `U${item.unit.trim()}` : item.unit;
  return [item.room, item.rack, unit].filter(Boolean).join(' / ');
}
