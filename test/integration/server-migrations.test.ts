import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centralMigrations, LATEST_CENTRAL_SCHEMA_VERSION } from '../../migrations/central';
import type { Migration } from '../../migrations/migration';
import { openCentralDb, type CentralDb } from '../../server/db/central-db';
import { DataDirInUseError, lockPathOf } from '../../server/db/data-dir-lock';
import { backupDirOf, centralSchemaVersion, migrateCentral, SchemaTooNewError, type MigrationLog } from '../../server/db/migrate-central';
import { freshDatabase, SERVER_BACKENDS } from '../support/central-server';

const quiet: MigrationLog = { info: () => undefined, warn: () => undefined };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openFresh(backend: (typeof SERVER_BACKENDS)[number]): Promise<{ db: CentralDb; dataDir?: string; databaseUrl?: string }> {
  const target = await freshDatabase(backend);
  cleanups.push(target.cleanup);
  const db = await openCentralDb(target);
  cleanups.push(() => db.close());
  return { db, ...target };
}

/** Synthetic migrations come after the real ones. */
const NEXT = LATEST_CENTRAL_SCHEMA_VERSION + 1;
const extra = (version: number): Migration => ({
  version,
  name: `extra_${version}`,
  sql: `CREATE TABLE extra_${version} (id INTEGER PRIMARY KEY);`,
});

describe.each(SERVER_BACKENDS)('central migrations on %s', { timeout: 60_000 }, (backend) => {
  it('migrates a fresh database once; running again changes nothing', async () => {
    const { db } = await openFresh(backend);
    const first = await migrateCentral(db, quiet);
    expect(first).toMatchObject({
      from: 0,
      to: LATEST_CENTRAL_SCHEMA_VERSION,
      applied: centralMigrations.map((m) => m.version),
      backupFile: null,
    });
    const second = await migrateCentral(db, quiet);
    expect(second).toMatchObject({ from: LATEST_CENTRAL_SCHEMA_VERSION, to: LATEST_CENTRAL_SCHEMA_VERSION, applied: [] });
    const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(centralMigrations.map((m) => ({ version: m.version, name: m.name })));
    expect(await centralSchemaVersion(db)).toBe(LATEST_CENTRAL_SCHEMA_VERSION);
  });

  it('refuses a database migrated by a newer server and changes nothing', async () => {
    const { db } = await openFresh(backend);
    await migrateCentral(db, quiet);
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from_the_future')");
    await expect(migrateCentral(db, quiet, [...centralMigrations, extra(NEXT)])).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(migrateCentral(db, quiet)).rejects.toThrow(/schema version 99, newer than this server knows/);
    expect(await db.query(`SELECT to_regclass('extra_${NEXT}')::text AS t`)).toEqual([{ t: null }]);
  });

  it('rolls back a failing migration completely', async () => {
    const { db } = await openFresh(backend);
    await migrateCentral(db, quiet);
    const broken: Migration = { version: NEXT, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); SELECT no_such_function();' };
    await expect(migrateCentral(db, quiet, [...centralMigrations, broken])).rejects.toThrow();
    expect(await centralSchemaVersion(db)).toBe(LATEST_CENTRAL_SCHEMA_VERSION);
    expect(await db.query("SELECT to_regclass('half_done')::text AS t")).toEqual([{ t: null }]);
  });
});

describe('central migrations on postgresql: several servers starting at once', { timeout: 60_000 }, () => {
  it('applies each migration exactly once when four migrators race', async () => {
    const { databaseUrl } = await openFresh('postgresql');
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openCentralDb({ databaseUrl })));
    cleanups.push(async () => {
      await Promise.all(dbs.map((db) => db.close()));
    });
    const list = [...centralMigrations, extra(NEXT), extra(NEXT + 1)];
    const results = await Promise.all(dbs.map((db) => migrateCentral(db, quiet, list)));
    expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(list.map((m) => m.version));
    expect(results.every((r) => r.to === NEXT + 1)).toBe(true);
    const [count] = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(count?.n).toBe(list.length);
  });
});

describe('central database on pglite: one process per data directory, backups', { timeout: 60_000 }, () => {
  it('refuses a second opening of the same data directory and takes over a stale lock', async () => {
    const { db, dataDir } = await openFresh('pglite');
    expect(db.kind).toBe('pglite');
    await expect(openCentralDb({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(openCentralDb({ dataDir })).rejects.toThrow(/is in use by process \d+ \(the server is running\)/);
    await db.close();
    expect(fs.existsSync(lockPathOf(dataDir!))).toBe(false);
    // A lock left behind by a process that died (pid 2^22 - 1 is above Linux's default pid_max).
    fs.writeFileSync(lockPathOf(dataDir!), '4194303\n');
    const reopened = await openCentralDb({ dataDir });
    cleanups.push(() => reopened.close());
    expect(Number(fs.readFileSync(lockPathOf(dataDir!), 'utf8'))).toBe(process.pid);
  });

  it('backs up an existing database before migrating it and keeps the newest five backups', async () => {
    const { db, dataDir } = await openFresh('pglite');
    const first = await migrateCentral(db, quiet);
    expect(first.backupFile).toBeNull(); // Nothing to keep from an empty database.
    await db.query("INSERT INTO partitions (key, scope, deployment_id, label) VALUES ('deployment:d1', 'deployment', 'd1', 'kept')");
    let list = [...centralMigrations];
    for (let version = NEXT; version < NEXT + 6; version += 1) {
      list = [...list, extra(version)];
      const result = await migrateCentral(db, quiet, list);
      expect(result.applied).toEqual([version]);
      expect(result.backupFile && fs.existsSync(result.backupFile)).toBe(true);
      expect(path.basename(result.backupFile!)).toMatch(new RegExp(`^central-v${version - 1}-`));
    }
    const backups = fs.readdirSync(backupDirOf(dataDir!));
    expect(backups).toHaveLength(5);
    // A backup is a whole data directory: it opens and holds the data as it was.
    const versionOf = (name: string) => Number(/^central-v(\d+)-/.exec(name)![1]);
    const newest = backups.sort((a, b) => versionOf(a) - versionOf(b)).at(-1)!;
    const restoredDir = `${dataDir}-restored`;
    const restored = await openCentralDb({ dataDir: restoredDir, pgliteImage: fs.readFileSync(path.join(backupDirOf(dataDir!), newest)) });
    cleanups.push(() => restored.close());
    expect(await centralSchemaVersion(restored)).toBe(NEXT + 4);
    expect(await restored.query('SELECT label FROM partitions')).toEqual([{ label: 'kept' }]);
  });
});
