/** A numbered schema migration. Applied in order, each inside one transaction, after a backup copy. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Local migrations that rebuild a table (SQLite cannot change a CHECK in place): foreign keys are
   * switched off around the migration's transaction, as SQLite's table-rebuild procedure requires, so
   * dropping the old table does not run ON DELETE actions on the rows that point at it; the runner
   * checks every foreign key before committing.
   */
  rebuildsTables?: true;
}
