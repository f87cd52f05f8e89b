import fs from 'node:fs';
import path from 'node:path';
import { centralMigrations, LATEST_CENTRAL_SCHEMA_VERSION } from '../../migrations/central';
import type { Migration } from '../../migrations/migration';
import type { CentralDb, CentralTx } from './central-db';

/** The pino-compatible part of a logger that migrations use. */
export interface MigrationLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Taken (per transaction) by every migrator, so several server processes starting at once migrate one after another. */
export const MIGRATION_LOCK_KEY = 0x4f757470; // "Outp"
const BACKUPS_KEPT = 5;

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The central database is at schema version ${databaseVersion}, newer than this server knows (${codeVersion}). ` +
        'It was migrated by a newer Outpost server: run that version (or newer) instead; nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
  backupFile: string | null;
}

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

async function lockAndReadVersion(tx: CentralTx): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await tx.exec(CREATE_SCHEMA_MIGRATIONS);
  const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/** The schema version recorded in the database (0 when it was never migrated). */
export async function centralSchemaVersion(db: CentralDb): Promise<number> {
  const [exists] = await db.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
  if (!exists?.found) return 0;
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/**
 * Brings the database to the newest schema: each pending migration in its own transaction under an
 * advisory lock, recorded in `schema_migrations`. Refuses a database newer than this code. An
 * existing PGlite database is backed up first (the newest five backups are kept); a PostgreSQL
 * database is its operator's to back up (pg_dump).
 */
export async function migrateCentral(
  db: CentralDb,
  log: MigrationLog,
  migrations: readonly Migration[] = centralMigrations,
): Promise<MigrateResult> {
  const latest = migrations.length > 0 ? migrations[migrations.length - 1]!.version : LATEST_CENTRAL_SCHEMA_VERSION;
  const from = await db.transaction(lockAndReadVersion);
  if (from > latest) throw new SchemaTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  const result: MigrateResult = { from, to: from, applied: [], backupFile: null };
  if (pending.length === 0) return result;

  if (from > 0 && db.kind === 'pglite' && db.dataDir) {
    result.backupFile = await backupPglite(db, db.dataDir, from);
    log.info({ backupFile: result.backupFile, schemaVersion: from }, 'central database backed up before migrating');
  } else if (from > 0) {
    log.warn({ schemaVersion: from, target: latest }, "migrating a PostgreSQL database: its backups are the operator's (pg_dump)");
  }

  for (const migration of pending) {
    const applied = await db.transaction(async (tx) => {
      const current = await lockAndReadVersion(tx);
      if (current > latest) throw new SchemaTooNewError(current, latest);
      if (current >= migration.version) return false; // Another process applied it meanwhile.
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (applied) {
      result.applied.push(migration.version);
      log.info({ version: migration.version, name: migration.name }, 'central migration applied');
    }
    result.to = migration.version;
  }
  return result;
}

export function backupDirOf(dataDir: string): string {
  return `${path.resolve(dataDir)}-backups`;
}

async function backupPglite(db: CentralDb, dataDir: string, version: number): Promise<string> {
  const dir = backupDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `central-v${version}-${stamp}.tar.gz`);
  const bytes = await db.dumpDataDir();
  fs.writeFileSync(`${file}.partial`, bytes);
  fs.renameSync(`${file}.partial`, file);
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('central-v') && name.endsWith('.tar.gz'))
    .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  for (const old of backups.slice(BACKUPS_KEPT)) fs.rmSync(path.join(dir, old.name), { force: true });
  return file;
}
