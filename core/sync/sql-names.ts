/** A quoted SQL identifier (column names like `by` are keywords). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A UUIDv7 computed in plain SQL: 48 bits of Unix milliseconds, version 7, 74 random bits, variant
 * 10xx. Plain SQL (no application-defined function) so that every connection to the file can fire
 * the capture triggers, including a support engineer's sqlite3 shell. No subquery, so SQLite
 * evaluates it again for every row of a multi-row statement.
 */
export const UUID7_SQL =
  "(substr(printf('%012x', CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)), 1, 8) || '-' || " +
  "substr(printf('%012x', CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)), 9, 4) || '-7' || " +
  "substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || " +
  "substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))))";

/** Now, as the ISO 8601 UTC text the rest of the database uses. */
export const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
