/** A numbered schema migration. Applied in order, each inside one transaction, after a backup copy. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
