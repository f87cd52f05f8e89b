import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localMigrations, LATEST_SCHEMA_VERSION } from '../../migrations';
import { migrationDatabases, OLD_AUDIT } from '../../test/support/migration-db';
import { openTestCore, tempDataDir } from '../../test/support/temp-core';
import { StartupError } from '../runtime/startup-error';
import { listBackups } from './backups';

const open = migrationDatabases();
const AUDIT = OLD_AUDIT;

/** A database as schema 1 left it, holding a deployment, a site, inventory and a checklist item. */
function seedVersion1(dir: string): void {
  const o = open(dir, localMigrations.slice(0, 1));
  o.sqlite.exec(`
    INSERT INTO profile VALUES (1, 'Old Tech', 'technician', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    INSERT INTO deployments (id, name, version, created_at, created_by, updated_at, updated_by) VALUES ('d1', 'Legacy rollout', '1.0', ${AUDIT});
    INSERT INTO sites (id, deployment_id, code, name, created_at, created_by, updated_at, updated_by) VALUES ('s1', 'd1', 'OLD-1', 'Old site', ${AUDIT});
    INSERT INTO inventory_items (id, site_id, manufacturer, model, expected_serial, asset_tag, created_at, created_by, updated_at, updated_by)
      VALUES ('i1', 's1', 'Dell', 'R650', ' abc123 ', 'T-1', ${AUDIT}), ('i2', 's1', 'Cisco', 'C9200', 'FOC999', 'T-2', ${AUDIT});
    INSERT INTO checklist_items (id, site_id, phase, position, title, state, note, state_by, state_at, created_at, created_by, updated_at, updated_by)
      VALUES ('c1', 's1', 'before', 1, 'Check power', 'done', 'ok', 'Old Tech', '2026-01-02T00:00:00.000Z', ${AUDIT});
  `);
  o.sqlite.close();
}

describe('local database', () => {
  it('opens with WAL, foreign keys on and synchronous FULL, at the latest schema', () => {
    const o = open(tempDataDir());
    expect(o.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(o.backups).toEqual([]);
  });

  it('upgrades an older database holding data, after a backup, and loses nothing', () => {
    const dir = tempDataDir();
    seedVersion1(dir);
    const o = open(dir);
    expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(o.backups).toHaveLength(1);
    const backup = new Database(o.backups[0]!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM inventory_items').get()).toEqual({ n: 2 });
    backup.close();
    expect(o.sqlite.prepare('SELECT id, expected_serial, expected_serial_key FROM inventory_items ORDER BY id').all()).toEqual([
      { id: 'i1', expected_serial: ' abc123 ', expected_serial_key: 'ABC123' },
      { id: 'i2', expected_serial: 'FOC999', expected_serial_key: 'FOC999' },
    ]);
    expect(o.sqlite.prepare('SELECT * FROM inventory_counts').all()).toEqual([
      { site_id: 's1', expected: 2, received: 0, surplus: 0, damaged: 0 },
    ]);
    expect(o.sqlite.prepare('SELECT state, note, state_by FROM checklist_items').get()).toEqual({
      state: 'done',
      note: 'ok',
      state_by: 'Old Tech',
    });
    o.sqlite.close();

    // The upgraded data works through the services: the old serial is found by a scan.
    const core = openTestCore({ dataDir: dir, profile: false });
    const result = core.call('inventory.receive', { siteId: 's1', serial: 'ABC123' });
    expect(result.outcome).toBe('received');
    expect(result.item?.receivedBy).toBe('Old Tech');
    core.close();
  });

  it('refuses a database from a newer schema with a clear message and leaves it untouched', () => {
    const dir = tempDataDir();
    const first = open(dir);
    first.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    first.sqlite.close();
    const file = path.join(dir, 'outpost.db');
    const before = fs.readFileSync(file);
    expect(() => open(dir)).toThrowError(StartupError);
    expect(() => open(dir)).toThrowError(`newer version of Outpost (schema ${LATEST_SCHEMA_VERSION + 5})`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failed migration back and keeps the database at its last good version', () => {
    const dir = tempDataDir();
    seedVersion1(dir);
    const broken = [
      ...localMigrations.slice(0, 1),
      { version: 2, name: 'broken', sql: 'CREATE TABLE x (a); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => open(dir, broken)).toThrowError(/Migration 2 \(broken\) failed and was rolled back/);
    const check = new Database(path.join(dir, 'outpost.db'));
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a damaged database file', () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'outpost.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(() => open(dir)).toThrowError(StartupError);
  });

  it('keeps only the newest few backups', () => {
    const dir = tempDataDir();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    for (let i = 0; i < 8; i++) {
      const f = path.join(backups, `outpost-old-${i}.db`);
      fs.writeFileSync(f, '');
      fs.utimesSync(f, new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    }
    open(dir).sqlite.close();
    open(dir); // an existing database: a routine backup is due
    const kept = listBackups(backups);
    expect(kept).toHaveLength(5);
    expect(path.basename(kept[0]!)).toMatch(/routine/);
  });
});
