import { ARRIVED_STATES, type InventoryState } from '../domain/enums';

/**
 * One definition of "missing" for the Missing tile, the "Missing" state filter, the reconciliation
 * and the dashboard: an item on the expected list (not surplus) that has not arrived, whatever its
 * state says otherwise ("expected", "missing", "returned").
 */
export function isMissing(item: { isSurplus: boolean; state: InventoryState }): boolean {
  return !item.isSurplus && !ARRIVED_STATES.includes(item.state);
}

/** The same count from the counters: expected items minus those that arrived. */
export function missingCount(counts: { expected: number; received: number }): number {
  return Math.max(0, counts.expected - counts.received);
}

/** The SQL form of `isMissing` over inventory_items' columns (is_surplus, state). */
export const MISSING_ITEM_SQL = `(is_surplus = 0 AND state NOT IN (${ARRIVED_STATES.map((s) => `'${s}'`).join(', ')}))`;

/**
 * Whether a photo may be linked to an inventory item: only to surplus hardware (issue #14 part 2),
 * which is on no list and is known by what the technician records and photographs. Expected items
 * are known from the plan; their evidence is the checklist's.
 */
export function checkItemPhoto(item: {
  isSurplus: boolean;
  foundSerial: string | null;
}): { allowed: true } | { allowed: false; reason: string } {
  if (!item.isSurplus) return { allowed: false, reason: 'Photos are taken of surplus items only: this item is on the expected list' };
  return { allowed: true };
}
