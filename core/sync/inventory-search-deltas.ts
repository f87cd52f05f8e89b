import type Database from 'better-sqlite3';

/** An inventory row's rowid and the values the search index (`inventory_search`, migration 28) holds for it. */
export interface SearchedRow {
  rowid: number;
  expected_serial: string | null;
  found_serial: string | null;
  asset_tag: string | null;
  model: string | null;
}

const COLUMNS = ['expected_serial', 'found_serial', 'asset_tag', 'model'] as const;

const sameEntry = (a: SearchedRow, b: SearchedRow) => a.rowid === b.rowid && COLUMNS.every((c) => a[c] === b[c]);

/**
 * The inventory search index while a pulled page is stored with its triggers set aside
 * (inventory-page.ts): each row's state before the page and after it, and at the end the same index
 * entries the triggers would have left: the old entry of every row removed or changed goes, then
 * the new entry of every row added or changed comes (all removals first: a removed row's rowid may
 * be taken by a new row). A row changed several times in the page counts once, first to last.
 */
export class InventorySearchDeltas {
  private readonly rows = new Map<string, { before: SearchedRow | undefined; after: SearchedRow | undefined }>();

  constructor(private readonly sqlite: Database.Database) {}

  change(id: string, before: SearchedRow | undefined, after: SearchedRow | undefined): void {
    const seen = this.rows.get(id);
    if (seen) seen.after = after;
    else this.rows.set(id, { before, after });
  }

  /** Writes the index entries of the page's rows. */
  finish(): void {
    const remove = this.sqlite.prepare(
      `INSERT INTO inventory_search (inventory_search, rowid, ${COLUMNS.join(', ')}) VALUES ('delete', ?, ?, ?, ?, ?)`,
    );
    const add = this.sqlite.prepare(`INSERT INTO inventory_search (rowid, ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?)`);
    const changed = [...this.rows.values()].filter(({ before, after }) => !(before && after && sameEntry(before, after)));
    for (const { before } of changed) if (before) remove.run(before.rowid, ...COLUMNS.map((c) => before[c]));
    for (const { after } of changed) if (after) add.run(after.rowid, ...COLUMNS.map((c) => after[c]));
    this.rows.clear();
  }
}
