import type Database from 'better-sqlite3';
import { ident } from './sql-names';

/**
 * Runs `change` with the table's refusal triggers (append-only, immutable: `RAISE(...)`) lifted, then
 * puts them back exactly as they were. Only for the server's corrections of append-only rows it
 * renumbered (an issue event's `seq`): the local copy must follow the server's. Call inside a
 * transaction: if anything fails, the triggers come back with the rollback.
 */
export function withRefusalTriggersLifted<T>(sqlite: Database.Database, table: string, change: () => T): T {
  const triggers = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND instr(sql, 'RAISE(') > 0 AND substr(name, 1, 13) != 'sync_capture_'",
    )
    .all(table) as { name: string; sql: string }[];
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER ${ident(trigger.name)}`);
  try {
    return change();
  } finally {
    for (const trigger of triggers) sqlite.exec(trigger.sql);
  }
}
