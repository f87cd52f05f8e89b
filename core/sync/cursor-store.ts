import type Database from 'better-sqlite3';
import { NOW_SQL } from './sql-names';

/** A partition's pull position; `snapshot` while a fresh snapshot is being loaded (restarted from 0 if interrupted). */
export interface CursorState {
  lastSeq: number;
  snapshot: boolean;
}

const SNAPSHOT = 'snapshot';

export function readCursors(sqlite: Database.Database): Map<string, CursorState> {
  const rows = sqlite.prepare('SELECT partition, cursor, last_seq AS lastSeq FROM sync_cursors').all() as {
    partition: string;
    cursor: string | null;
    lastSeq: number;
  }[];
  return new Map(rows.map((r) => [r.partition, { lastSeq: r.lastSeq, snapshot: r.cursor === SNAPSHOT }]));
}

/** Stores the cursor; call inside the transaction that applied the page. */
export function writeCursor(sqlite: Database.Database, partition: string, lastSeq: number, snapshot: boolean): void {
  sqlite
    .prepare(
      `INSERT INTO sync_cursors (partition, cursor, last_seq, updated_at) VALUES (?, ?, ?, ${NOW_SQL})
       ON CONFLICT(partition) DO UPDATE SET cursor = excluded.cursor, last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
    )
    .run(partition, snapshot ? SNAPSHOT : String(lastSeq), lastSeq);
}

/** The next pull of the partition loads a fresh snapshot and removes local rows the server no longer has. */
export function requestSnapshot(sqlite: Database.Database, partition: string): void {
  writeCursor(sqlite, partition, 0, true);
}
