import type Database from 'better-sqlite3';
import { ARRIVED_STATES } from '../../shared/domain/enums';

export interface CountedRow {
  site_id: string;
  state: string;
  is_surplus: number;
}

type Counters = [expected: number, received: number, surplus: number, damaged: number];

/**
 * The reconciliation counters (`inventory_counts`) while a pulled page is stored with the per-row
 * triggers set aside (inventory-page.ts): the same deltas are summed here and written once per
 * site when the page is done, inside the page's transaction.
 */
export class InventoryCountDeltas {
  private readonly deltas = new Map<string, Counters>();

  constructor(private readonly sqlite: Database.Database) {}

  /** Records a row's change: what it was (or nothing) and what it is now (or nothing). */
  change(before: CountedRow | undefined, after: CountedRow | undefined): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  /** Writes the summed deltas. */
  finish(): void {
    const ensure = this.sqlite.prepare('INSERT INTO inventory_counts (site_id) VALUES (?) ON CONFLICT (site_id) DO NOTHING');
    const update = this.sqlite.prepare(
      'UPDATE inventory_counts SET expected = expected + ?, received = received + ?, surplus = surplus + ?, damaged = damaged + ? WHERE site_id = ?',
    );
    for (const [siteId, [expected, received, surplus, damaged]] of this.deltas) {
      if (expected === 0 && received === 0 && surplus === 0 && damaged === 0) continue;
      ensure.run(siteId);
      update.run(expected, received, surplus, damaged, siteId);
    }
    this.deltas.clear();
  }

  private add(row: CountedRow, sign: 1 | -1): void {
    let counters = this.deltas.get(row.site_id);
    if (!counters) {
      counters = [0, 0, 0, 0];
      this.deltas.set(row.site_id, counters);
    }
    const planned = Number(row.is_surplus) === 0;
    counters[0] += sign * (planned ? 1 : 0);
    counters[1] += sign * (planned && (ARRIVED_STATES as readonly string[]).includes(row.state) ? 1 : 0);
    counters[2] += sign * (planned ? 0 : 1);
    counters[3] += sign * (row.state === 'damaged' ? 1 : 0);
  }
}
