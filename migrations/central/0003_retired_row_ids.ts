import type { Migration } from '../migration';

/**
 * Row ids stay unique across partitions for a table's life: when tombstone retention purges a
 * deleted row, its id and partition are kept here, and a push that inserts the id in another
 * partition is refused as it is while the tombstone lives (server/sync/retired-ids.ts).
 */
export const centralMigration0003: Migration = {
  version: 3,
  name: 'retired_row_ids',
  sql: `
CREATE TABLE retired_row_ids (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  partition TEXT NOT NULL,
  retired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, row_id)
);
`,
};
