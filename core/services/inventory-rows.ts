import type { InventoryItem, Reconciliation } from '../../shared/domain/inventory';
import { missingCount } from '../../shared/logic/inventory-rules';
import type { inventoryItems } from '../db/schema';
import type { ServiceContext } from './service-context';

type InventoryRow = typeof inventoryItems.$inferSelect;

/** The domain view of a row: the matching keys stay inside the core. */
export function toInventoryItem(row: InventoryRow): InventoryItem {
  const { expectedSerialKey: _e, foundSerialKey: _f, ...item } = row;
  return item;
}

/** SQL column list that maps raw rows to the drizzle field names, for hand-written statements. */
export const INVENTORY_COLUMNS = `id, site_id AS siteId, component_id AS componentId, manufacturer, model,
  expected_serial AS expectedSerial, asset_tag AS assetTag, room, rack, unit, found_serial AS foundSerial,
  state, is_surplus AS isSurplus, received_at AS receivedAt, received_by AS receivedBy, note,
  created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt, updated_by AS updatedBy`;

type RawInventoryRow = Omit<InventoryItem, 'isSurplus'> & { isSurplus: number };

export function fromRaw(row: RawInventoryRow): InventoryItem {
  return { ...row, isSurplus: row.isSurplus === 1 };
}

export function reconcile(ctx: ServiceContext, siteId: string): Reconciliation {
  // Counters kept by triggers on inventory_items (migration 2), so a scan never recounts the site.
  const row = ctx.sqlite.prepare('SELECT expected, received, surplus, damaged FROM inventory_counts WHERE site_id = ?').get(siteId) as
    { expected: number; received: number; surplus: number; damaged: number } | undefined;
  const counts = row ?? { expected: 0, received: 0, surplus: 0, damaged: 0 };
  return { ...counts, missing: missingCount(counts) };
}
