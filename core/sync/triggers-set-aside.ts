import type Database from 'better-sqlite3';
import { ident } from './sql-names';

interface StoredTrigger {
  name: string;
  sql: string;
}

/**
 * Drops a table's triggers that `which` picks and gives back a function that creates them again,
 * from their stored SQL, exactly as they were. Call inside a transaction: if anything fails, the
 * rollback brings the triggers back too. Dropping (not a WHEN guard) is what saves the time: a
 * trigger whose WHEN is false still costs every row a sub-program call.
 */
export function setTriggersAside(sqlite: Database.Database, table: string, which: (trigger: StoredTrigger) => boolean): () => void {
  const triggers = (
    sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid")
      .all(table) as StoredTrigger[]
  ).filter(which);
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER ${ident(trigger.name)}`);
  return () => {
    for (const trigger of triggers) sqlite.exec(trigger.sql);
  };
}
