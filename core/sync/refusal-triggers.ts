import type Database from 'better-sqlite3';
import { setTriggersAside } from './triggers-set-aside';

/**
 * Runs `change` with the table's refusal triggers (append-only, immutable: `RAISE(...)`) lifted, then
 * puts them back exactly as they were. Only for the server's corrections of append-only rows it
 * renumbered (an issue event's `seq`): the local copy must follow the server's. Call inside a
 * transaction: if anything fails, the triggers come back with the rollback.
 */
export function withRefusalTriggersLifted<T>(sqlite: Database.Database, table: string, change: () => T): T {
  const restore = setTriggersAside(sqlite, table, (t) => t.sql.includes('RAISE(') && !t.name.startsWith('sync_capture_'));
  try {
    return change();
  } finally {
    restore();
  }
}
