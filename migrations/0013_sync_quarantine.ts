import type { Migration } from './migration';

/**
 * Pulled rows this device could not store (a CHECK, a trigger, a value of the wrong type: bad data
 * already on an older server). The rest of the page is stored and the cursor moves on; the row waits
 * here, visible in the sync status and the Conflicts list, until the server sends a storable version
 * of it (or its tombstone), which clears the entry. `reported_at` is set once the server was told.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'sync_quarantine',
  sql: `
CREATE TABLE sync_quarantine (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  partition TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT,
  reason TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  reported_at TEXT,
  PRIMARY KEY (entity, row_id)
);
`,
};
