import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isIssuedAssetTag } from '../../shared/labels/asset-tag';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';
import { recordDeviceTagNumber } from './asset-tag-issuer';

let core: TestCore;
let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  core?.close();
});

/** A second connection to the core's database file, for set-up and assertions. */
const sqlite = () => (db ??= new Database(core.databaseFile));

function surplus(siteId: string, serials: string[]) {
  return serials.map((serial) => core.call('inventory.recordSurplus', { siteId, serial, model: 'Spare switch' }));
}

describe('asset tags for unlabelled surplus items', () => {
  it('on a deployment that does not sync: the local issuer, a sequence that never repeats, stored with the item', () => {
    const sample = openSampleCore();
    core = sample.core;
    const [a, b] = sample.sites;
    const first = surplus(a!.id, ['SUR-1', 'SUR-2']);
    const tagged = core.call('labels.assignTags', { siteId: a!.id, itemIds: first.map((i) => i.id) }).items;
    expect(tagged.map((i) => i.assetTag)).toEqual([`${a!.code}-L-0001`, `${a!.code}-L-0002`]);
    const other = surplus(b!.id, ['SUR-3']);
    // The sequence is the device's, not the site's: another site continues it.
    expect(core.call('labels.assignTags', { siteId: b!.id, itemIds: [other[0]!.id] }).items[0]!.assetTag).toBe(`${b!.code}-L-0003`);
    const stored = core
      .call('inventory.list', { siteId: a!.id, state: 'surplus' })
      .items.map((i) => i.assetTag)
      .sort();
    expect(stored).toEqual([`${a!.code}-L-0001`, `${a!.code}-L-0002`]);
    const activity = sqlite().prepare("SELECT count(*) AS n FROM activity WHERE action = 'inventory.asset_tag_assigned'").get() as {
      n: number;
    };
    expect(activity.n).toBe(3);
  });

  it('refuses the whole call when one item may not get a tag, and tags nothing', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    const [fresh] = surplus(siteId, ['SUR-9']);
    const expected = core.call('inventory.list', { siteId, limit: 1 }).items[0]!;
    const refused = core.dispatch('labels.assignTags', { siteId, itemIds: [fresh!.id, expected.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule', message: expect.stringMatching(/only surplus items/) } });
    expect(core.call('inventory.list', { siteId, state: 'surplus' }).items[0]!.assetTag).toBeNull();
    // Nothing was taken from the sequence either.
    expect(core.call('labels.assignTags', { siteId, itemIds: [fresh!.id] }).items[0]!.assetTag).toMatch(/-L-0001$/);
    const again = core.dispatch('labels.assignTags', { siteId, itemIds: [fresh!.id] });
    expect(again).toMatchObject({ ok: false, error: { code: 'rule', message: expect.stringMatching(/already has asset tag/) } });
    const elsewhere = core.dispatch('labels.assignTags', { siteId: sample.sites[1]!.id, itemIds: [fresh!.id] });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("on a deployment that syncs: waits for the server's device number, then uses it offline", () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    sqlite()
      .prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'published', ?)")
      .run(sample.deploymentId, '2026-12-06T00:00:00.000Z');
    sqlite()
      .prepare(
        "INSERT INTO sync_account (id, server_url, username, display_name, role, device_id, signed_in_at) VALUES (1, 'https://outpost.example', 'alex', 'Alex', 'technician', 'dev-1', ?)",
      )
      .run('2026-12-06T00:00:00.000Z');
    const [item] = surplus(siteId, ['SUR-5']);
    const listed = core.call('labels.items', { siteId });
    expect(listed.tagIssuer).toMatchObject({ issuer: null, problem: expect.stringMatching(/not numbered this device/) });
    expect(core.dispatch('labels.assignTags', { siteId, itemIds: [item!.id] })).toMatchObject({ ok: false, error: { code: 'rule' } });
    recordDeviceTagNumber(sqlite(), 'dev-1', 7, '2026-12-06T00:00:01.000Z');
    expect(core.call('labels.items', { siteId }).tagIssuer).toEqual({ issuer: 'D7', problem: null });
    const [tagged] = core.call('labels.assignTags', { siteId, itemIds: [item!.id] }).items;
    expect(tagged!.assetTag).toBe(`${sample.site.code}-D7-0001`);
    expect(isIssuedAssetTag(tagged!.assetTag)).toBe(true);
    // The change is queued for the server like any field change, with the tag.
    const queued = sqlite()
      .prepare("SELECT data FROM sync_outbox WHERE entity = 'inventory_items' AND row_id = ? AND kind = 'update'")
      .all(item!.id) as { data: string }[];
    expect(queued.map((q) => JSON.parse(q.data) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ asset_tag: tagged!.assetTag }),
    );
  });

  it('lists received and surplus items only, tagged first', () => {
    const sample = openSampleCore();
    core = sample.core;
    const siteId = sample.site.id;
    expect(core.call('labels.items', { siteId }).items).toEqual([]);
    const expected = core.call('inventory.list', { siteId, limit: 2 }).items;
    for (const item of expected) core.call('inventory.receive', { siteId, serial: item.expectedSerial! });
    const [extra] = surplus(siteId, ['SUR-7']);
    const listed = core.call('labels.items', { siteId }).items;
    expect(listed.map((i) => i.id).sort()).toEqual([...expected.map((i) => i.id), extra!.id].sort());
    expect(listed.every((i) => i.foundSerial !== null)).toBe(true);
  });
});
