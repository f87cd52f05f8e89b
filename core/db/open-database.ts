import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { localMigrations, type Migration } from '../../migrations';
import { createLogger } from '../logging/logger';
import { StartupError } from '../runtime/startup-error';
import { installCaptureTriggers } from '../sync/capture-triggers';
import { backupIsDue, DEFAULT_KEPT_BACKUPS, pruneBackups, writeBackup } from './backups';
import { applyMigrations, readSchemaVersion } from './migrate';
import * as schema from './schema';
import { ensurePrivateDir, makePrivate, touchPrivateFile } from '../storage/private-files';

const log = createLogger('database');
const ROUTINE_BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type OutpostDb = BetterSQLite3Database<typeof schema>;

export interface OpenDatabaseOptions {
  file: string;
  backupDir: string;
  /** Path to a better-sqlite3 build for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  keepBackups?: number;
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: OutpostDb;
  schemaVersion: number;
  /** Backup files written while opening (before migrations, or the routine one). */
  backups: string[];
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? localMigrations;
  try {
    ensurePrivateDir(path.dirname(options.file));
    // SQLite gives its -wal and -shm files the database file's mode: create it 0600 first.
    for (const file of [options.file, `${options.file}-wal`, `${options.file}-shm`]) makePrivate(file);
  } catch (cause) {
    throw new StartupError('data_dir_unusable', `Cannot create the data directory: ${(cause as Error).message}`);
  }
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;
  touchPrivateFile(options.file);
  const sqlite = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (existed) checkIntegrity(sqlite, options.backupDir);
    const before = readSchemaVersion(sqlite);
    const latest = migrations.at(-1)?.version ?? 0;
    const backups: string[] = [];
    if (before > latest) applyMigrations(sqlite, migrations); // throws schema_too_new, changes nothing
    if (existed && before > 0 && before < latest) {
      backups.push(writeBackup(sqlite, options.backupDir, `before-schema-${latest}`));
    } else if (existed && before > 0 && backupIsDue(options.backupDir, ROUTINE_BACKUP_INTERVAL_MS)) {
      backups.push(writeBackup(sqlite, options.backupDir, 'routine'));
    }
    const applied = applyMigrations(sqlite, migrations);
    if (applied.length > 0) log.info('migrated', { from: before, to: latest, applied });
    pruneBackups(options.backupDir, options.keepBackups ?? DEFAULT_KEPT_BACKUPS);
    const schemaVersion = readSchemaVersion(sqlite);
    installCaptureTriggers(sqlite, schemaVersion); // derived from the sync registry; reinstalled only when they change
    return { sqlite, db: drizzle(sqlite, { schema }), schemaVersion, backups };
  } catch (error) {
    sqlite.close();
    throw asStartupError(error, options.backupDir);
  }
}

/** SQLite's own "not a database" / "malformed" errors become the corrupt-database startup error. */
function asStartupError(error: unknown, backupDir: string): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StartupError(
      'corrupt',
      `The database file is damaged (${(error as Error).message}). Nothing was changed. Recent backups are in ${backupDir}.`,
    );
  }
  return error;
}

function checkIntegrity(sqlite: Database.Database, backupDir: string): void {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new StartupError(
      'corrupt',
      `The database failed its integrity check (${problems.slice(0, 3).join('; ')}). ` +
        `Nothing was changed. Recent backups are in ${backupDir}.`,
    );
  }
}
