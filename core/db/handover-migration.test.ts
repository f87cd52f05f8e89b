import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, localMigrations } from '../../migrations';
import { migrationDatabases, OLD_AUDIT } from '../../test/support/migration-db';
import { tempDataDir } from '../../test/support/temp-core';
import type { OpenedDatabase } from './open-database';

const open = migrationDatabases();
const AUDIT = OLD_AUDIT;
const captureTriggers = (o: OpenedDatabase, table: string) =>
  (
    o.sqlite
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'sync_capture_%'")
      .get(table) as { n: number }
  ).n;

describe('migration 23 (hand-over phase)', () => {
  it('rebuilds the checklist tables for the new phase and keeps every row, link and trigger', () => {
    const dir = tempDataDir();
    const before = open(
      dir,
      localMigrations.filter((m) => m.version < 23),
    );
    before.sqlite.exec(`
      INSERT INTO profile VALUES (1, 'Old Tech', 'technician', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO deployments (id, name, version, created_at, created_by, updated_at, updated_by) VALUES ('d1', 'Rollout', '1.0', ${AUDIT});
      INSERT INTO sites (id, deployment_id, code, name, created_at, created_by, updated_at, updated_by) VALUES ('s1', 'd1', 'S-1', 'Site', ${AUDIT});
      INSERT INTO checklist_templates (id, deployment_id, name, created_at, created_by, updated_at, updated_by) VALUES ('t', 'd1', 'Template', ${AUDIT});
      INSERT INTO checklist_template_items (id, template_id, phase, position, title, depends_on) VALUES ('t1', 't', 'before', 1, 'Power', NULL), ('t2', 't', 'during', 1, 'Mount', 't1');
      INSERT INTO checklist_items (id, site_id, template_item_id, phase, position, title, depends_on, state, state_by, state_at, created_at, created_by, updated_at, updated_by)
        VALUES ('c1', 's1', 't1', 'before', 1, 'Power', NULL, 'done', 'Old Tech', '2026-01-02T00:00:00.000Z', ${AUDIT}),
               ('c2', 's1', 't2', 'during', 1, 'Mount', 'c1', 'todo', NULL, NULL, ${AUDIT});
      INSERT INTO checklist_item_evidence (id, item_id, kind, ref_id, linked_at, linked_by) VALUES ('e1', 'c1', 'photo', 'abc', '2026-01-02T00:00:00.000Z', 'Old Tech');
      INSERT INTO checklist_phases (site_id, phase, completed_at, completed_by) VALUES ('s1', 'before', '2026-01-02T00:00:00.000Z', 'Old Tech');
    `);
    const triggers = captureTriggers(before, 'checklist_items');
    expect(triggers).toBeGreaterThan(0);
    const items = before.sqlite.prepare('SELECT * FROM checklist_items ORDER BY id').all();
    const templateItems = before.sqlite.prepare('SELECT * FROM checklist_template_items ORDER BY id').all();
    expect(() => before.sqlite.exec(`INSERT INTO checklist_phases VALUES ('s1', 'handover', 'x', 'y')`)).toThrow(/CHECK/);
    before.sqlite.close();

    const after = open(dir);
    expect(after.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(after.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(after.sqlite.prepare('SELECT * FROM checklist_items ORDER BY id').all()).toEqual(items);
    // Later migrations may add columns (24: owner_prepares); every column the rebuild kept is unchanged.
    const templateAfter = after.sqlite.prepare('SELECT * FROM checklist_template_items ORDER BY id').all() as Record<string, unknown>[];
    expect(templateAfter.map((row) => Object.fromEntries(Object.keys(templateItems[0] as object).map((k) => [k, row[k]])))).toEqual(
      templateItems,
    );
    expect(after.sqlite.prepare('SELECT id, item_id FROM checklist_item_evidence').all()).toEqual([{ id: 'e1', item_id: 'c1' }]);
    expect(after.sqlite.prepare('SELECT phase FROM checklist_phases').all()).toEqual([{ phase: 'before' }]);
    expect(after.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(
      after.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checklist_items' AND sql IS NOT NULL ORDER BY name")
        .all(),
    ).toEqual([{ name: 'checklist_items_site' }, { name: 'checklist_items_site_state_at' }]);
    // The capture triggers went with the old tables and were installed again at open.
    expect(captureTriggers(after, 'checklist_items')).toBe(triggers);
    expect(captureTriggers(after, 'checklist_template_items')).toBeGreaterThan(0);
    after.sqlite.exec(
      `INSERT INTO checklist_items (id, site_id, phase, position, title, created_at, created_by, updated_at, updated_by) VALUES ('c3', 's1', 'handover', 1, 'Sealed envelope', ${AUDIT})`,
    );
    after.sqlite.exec(`INSERT INTO checklist_phases VALUES ('s1', 'handover', 'x', 'y')`);
    // Foreign keys are enforced again on the rebuilt tables.
    expect(() =>
      after.sqlite.exec(
        `INSERT INTO checklist_items (id, site_id, phase, position, title, created_at, created_by, updated_at, updated_by) VALUES ('c4', 'nope', 'handover', 2, 'X', ${AUDIT})`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      after.sqlite.exec(
        `INSERT INTO checklist_items (id, site_id, phase, position, title, created_at, created_by, updated_at, updated_by) VALUES ('c5', 's1', 'later', 2, 'X', ${AUDIT})`,
      ),
    ).toThrow(/CHECK/);
  });
});
