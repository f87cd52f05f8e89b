import type { Migration } from '../migration';

/**
 * Which device last wrote each column of a synced row, and at which version (`docs.column_writes`).
 * A pushed update replaces a value concurrently exactly when that value was written by another
 * device after the version the update was made on; the row's last writer alone cannot tell (a
 * device's own earlier write can sit on top of another device's value it never saw).
 * NULL for rows written before this migration: the server then falls back to the row's last writer.
 */
export const centralMigration0002: Migration = {
  version: 2,
  name: 'column_writes',
  sql: `ALTER TABLE docs ADD COLUMN column_writes JSONB;`,
};
