import type Database from 'better-sqlite3';
import { cachedStatement } from '../db/statement-cache';
import { InventoryCountDeltas, type CountedRow } from './inventory-count-deltas';
import { InventorySearchDeltas, type SearchedRow } from './inventory-search-deltas';
import { setTriggersAside } from './triggers-set-aside';

export type InventoryRowState = CountedRow & SearchedRow;

/**
 * The triggers of `inventory_items` that a pulled page sets aside, by name prefix: the counters
 * (migration 12), the search index (migration 28), and change capture, which the apply guard keeps
 * silent during a pull anyway. Any other trigger on the table stays (a test lists the table's triggers).
 */
export const INVENTORY_PAGE_TRIGGERS = ['inventory_counts_', 'inventory_search_', 'sync_capture_inventory_items_'];

/**
 * Inventory rows of a pulled page: before the first one is written, the table's per-row triggers
 * are dropped for the page (each costs every row a call even when it does nothing, and the
 * trigram index most of all); each row's state before and after is noted, and at the end the
 * counters and the search index get the same net changes the triggers would have made, and the
 * triggers are created again, all inside the page's transaction (a rollback undoes it all).
 * Pulling 100,000 items this way spends about half as much time in SQLite.
 */
export class InventoryPage {
  private restore: (() => void) | null;
  private readonly counts: InventoryCountDeltas;
  private readonly search: InventorySearchDeltas;

  /** Sets the triggers aside: call in the page's transaction, outside any per-row savepoint (its rollback would bring them back). */
  constructor(private readonly sqlite: Database.Database) {
    if (!sqlite.inTransaction) throw new Error('inventory rows of a pulled page are stored inside a transaction');
    this.counts = new InventoryCountDeltas(sqlite);
    this.search = new InventorySearchDeltas(sqlite);
    this.restore = setTriggersAside(sqlite, 'inventory_items', (t) => INVENTORY_PAGE_TRIGGERS.some((p) => t.name.startsWith(p)));
  }

  /** The row as it is now (call before changing it). */
  current(id: string): InventoryRowState | undefined {
    return cachedStatement(
      this.sqlite,
      'SELECT rowid, site_id, state, is_surplus, expected_serial, found_serial, asset_tag, model FROM inventory_items WHERE id = ?',
    ).get(id) as InventoryRowState | undefined;
  }

  /** Records a row's change, once it is written: what it was (or nothing) and what it is now (or nothing). */
  change(id: string, before: InventoryRowState | undefined, after: InventoryRowState | undefined): void {
    this.counts.change(before, after);
    this.search.change(id, before, after);
  }

  /** Writes the counters and index entries of the page and creates the triggers again. */
  finish(): void {
    if (!this.restore) return;
    this.counts.finish();
    this.search.finish();
    this.putTriggersBack();
  }

  /** Creates the triggers again without writing anything (the page failed and is rolled back). */
  putTriggersBack(): void {
    const restore = this.restore;
    this.restore = null;
    restore?.();
  }
}
