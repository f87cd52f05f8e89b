import { describe, expect, it } from 'vitest';
import { localMigrations } from '../../migrations';
import { migrationDatabases, OLD_AUDIT } from '../../test/support/migration-db';
import { tempDataDir } from '../../test/support/temp-core';
import { ftsPhrase } from '../services/inventory-search-sql';

const open = migrationDatabases();

describe('migration 28 (inventory search index)', () => {
  it('indexes the items already stored, and the triggers keep the index from then on', () => {
    const dir = tempDataDir();
    const before = open(
      dir,
      localMigrations.filter((m) => m.version < 28),
    );
    before.sqlite.exec(`
      INSERT INTO deployments (id, name, version, created_at, created_by, updated_at, updated_by) VALUES ('d1', 'Rollout', '1.0', ${OLD_AUDIT});
      INSERT INTO sites (id, deployment_id, code, name, created_at, created_by, updated_at, updated_by) VALUES ('s1', 'd1', 'S-1', 'Site', ${OLD_AUDIT});
      INSERT INTO inventory_items (id, site_id, model, expected_serial, asset_tag, found_serial, created_at, created_by, updated_at, updated_by) VALUES
        ('i1', 's1', 'PowerEdge R660xs', 'ABC123XYZ', 'TAG-0001', NULL, ${OLD_AUDIT}),
        ('i2', 's1', 'Catalyst 9200L', 'FOC2211Q0AB', NULL, 'FOC2211Q0AB', ${OLD_AUDIT}),
        ('i3', 's1', 'Engage One Pro', NULL, 'TAG-0003', 'CZ77', ${OLD_AUDIT});
    `);
    before.sqlite.close();

    const after = open(dir);
    expect(after.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(28);
    const hits = (text: string) =>
      (
        after.sqlite
          .prepare(
            'SELECT i.id FROM inventory_search f JOIN inventory_items i ON i.rowid = f.rowid WHERE inventory_search MATCH ? ORDER BY i.id',
          )
          .all(ftsPhrase(text)) as { id: string }[]
      ).map((r) => r.id);
    expect(hits('c123x')).toEqual(['i1']);
    expect(hits('tag-000')).toEqual(['i1', 'i3']);
    expect(hits('2211q')).toEqual(['i2']);
    expect(hits('engage')).toEqual(['i3']);
    after.sqlite.exec("UPDATE inventory_items SET found_serial = 'NEWFOUND9' WHERE id = 'i1'; DELETE FROM inventory_items WHERE id = 'i3'");
    expect(hits('wfound')).toEqual(['i1']);
    expect(hits('tag-000')).toEqual(['i1']);
    after.sqlite.prepare("INSERT INTO inventory_search (inventory_search, rank) VALUES ('integrity-check', 1)").run();
  });
});
