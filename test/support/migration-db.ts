import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../core/db/open-database';
import { localMigrations } from '../../migrations';

/** The audit columns of a row written by hand in a migration test (created and updated by "Old Tech"). */
export const OLD_AUDIT = `'2026-01-01T00:00:00.000Z', 'Old Tech', '2026-01-01T00:00:00.000Z', 'Old Tech'`;

/**
 * For a migration test file: opens (and migrates) the database file in a data directory with the
 * given migrations, and closes every database it opened after each test.
 */
export function migrationDatabases(): (dir: string, migrations?: typeof localMigrations) => OpenedDatabase {
  const opened: OpenedDatabase[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) if (o.sqlite.open) o.sqlite.close();
  });
  return (dir, migrations = localMigrations) => {
    const o = openDatabase({ file: path.join(dir, 'outpost.db'), backupDir: path.join(dir, 'backups'), migrations });
    opened.push(o);
    return o;
  };
}
