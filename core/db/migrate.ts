import type Database from 'better-sqlite3';
import type { Migration } from '../../migrations';
import { StartupError } from '../runtime/startup-error';

export function readSchemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the pending migrations, each in its own transaction together with the new
 * user_version, so a failure leaves the database at the last good version.
 */
export function applyMigrations(sqlite: Database.Database, migrations: readonly Migration[]): number[] {
  const current = readSchemaVersion(sqlite);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StartupError(
      'schema_too_new',
      `This data was written by a newer version of Outpost (schema ${current}); this version understands schema ${latest} at most. ` +
        'Install the newer Outpost, or open a different data directory. Nothing was changed.',
    );
  }
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => m.version > current)) {
    const apply = sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      if (migration.rebuildsTables) refuseBrokenForeignKeys(sqlite);
      sqlite.pragma(`user_version = ${migration.version}`);
    });
    // The pragma is a no-op inside a transaction, so it is switched around it (and always back on).
    const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables) sqlite.pragma('foreign_keys = OFF');
    try {
      apply();
    } catch (cause) {
      throw new StartupError(
        'migration_failed',
        `Migration ${migration.version} (${migration.name}) failed and was rolled back: ${(cause as Error).message}`,
      );
    } finally {
      if (migration.rebuildsTables) sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    applied.push(migration.version);
  }
  return applied;
}

/** A rebuild ran with foreign keys off: any row left pointing at nothing fails the migration. */
function refuseBrokenForeignKeys(sqlite: Database.Database): void {
  const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (broken.length > 0) {
    const first = broken[0]!;
    throw new Error(
      `${broken.length} rows break a foreign key after the rebuild (first: ${first.table} row ${first.rowid} → ${first.parent})`,
    );
  }
}
