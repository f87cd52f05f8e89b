import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerOfTag } from '../../shared/labels/asset-tag';
import { startTestServer, type TestServer } from '../support/central-server';
import { count, openDevice, type Device } from './sync-client-fixture';

// Asset tags given offline (issue #14): two technicians, each with their own device, work offline,
// one at one site, the other at that site and a second one, and tag surplus hardware. The server
// numbered each device at its first sync; their tags never collide, the server accepts them, and it
// refuses a tag naming another device's number, and a tag on an expected item (a real PGlite server).

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let alex: Device;
let sam: Device;
let siteA: { id: string; code: string };
let siteB: { id: string; code: string };

function tagSurplus(device: Device, siteId: string, serials: string[]): string[] {
  const ids = serials.map((serial) => device.core.call('inventory.recordSurplus', { siteId, serial, model: 'Spare switch' }).id);
  return device.core.call('labels.assignTags', { siteId, itemIds: ids }).items.map((i) => i.assetTag!);
}

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  const alexUser = await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  const samUser = await server.createUser({ username: 'sam', displayName: 'Sam Okafor', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  await rm.signIn(server.url, 'rita', PASSWORD);
  const sites = rm.core.call('sites.list', { deploymentId: rm.deploymentId! });
  siteA = sites[0]!;
  siteB = sites[1]!;
  // Alex works at A, Sam at A and B.
  rm.core.call('sites.update', {
    siteId: siteA.id,
    technicians: [
      { id: alexUser.id, name: 'Alex Morgan' },
      { id: samUser.id, name: 'Sam Okafor' },
    ],
  });
  rm.core.call('sites.update', { siteId: siteB.id, technicians: [{ id: samUser.id, name: 'Sam Okafor' }] });
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  alex = openDevice();
  sam = openDevice();
  await alex.signIn(server.url, 'alex', PASSWORD);
  await sam.signIn(server.url, 'sam', PASSWORD);
  expect(await alex.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteA.id] })).toEqual({ ok: true });
  expect(await sam.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteA.id, siteB.id] })).toEqual({ ok: true });
}, 180_000);

afterAll(async () => {
  for (const device of [rm, alex, sam]) device?.close();
  await server?.stop();
});

describe('asset tags handed out offline', () => {
  it('each device got its own number from the server at its first sync', async () => {
    const issuers = [alex, sam].map((d) => d.core.call('labels.items', { siteId: siteA.id }).tagIssuer);
    expect(issuers.every((i) => i.problem === null && /^D\d+$/.test(i.issuer!))).toBe(true);
    expect(issuers[0]!.issuer).not.toBe(issuers[1]!.issuer);
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM device_tag_numbers');
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('two technicians offline, at the same site and at different sites, never hand out the same tag; the server takes them all', async () => {
    alex.net.offline = true;
    sam.net.offline = true;
    const alexTags = tagSurplus(alex, siteA.id, ['A-SUR-1', 'A-SUR-2', 'A-SUR-3']);
    const samTags = [...tagSurplus(sam, siteA.id, ['S-SUR-1', 'S-SUR-2']), ...tagSurplus(sam, siteB.id, ['S-SUR-3', 'S-SUR-4'])];
    const all = [...alexTags, ...samTags];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(alexTags.map(issuerOfTag)).size).toBe(1);
    expect(alexTags.every((t) => t.startsWith(`${siteA.code}-`))).toBe(true);
    expect(samTags.slice(2).every((t) => t.startsWith(`${siteB.code}-`))).toBe(true);
    expect(await alex.sync()).toMatchObject({ ok: false, error: { code: 'offline' } });
    alex.net.offline = false;
    sam.net.offline = false;
    expect(await alex.sync()).toEqual({ ok: true });
    expect(await sam.sync()).toEqual({ ok: true });
    for (const device of [alex, sam]) expect(device.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, conflicts: 0 });
    expect(await rm.sync()).toEqual({ ok: true });
    const atRm = [siteA, siteB].flatMap((s) =>
      rm.core.call('inventory.list', { siteId: s.id, state: 'surplus' }).items.map((i) => i.assetTag),
    );
    expect(atRm.sort()).toEqual([...all].sort());
  });

  it("refuses a tag naming another device's number, and a technician's tag on an expected item", async () => {
    const alexIssuer = alex.core.call('labels.items', { siteId: siteA.id }).tagIssuer.issuer!;
    const item = sam.core.call('inventory.recordSurplus', { siteId: siteA.id, serial: 'S-SUR-9', model: 'Spare switch' });
    expect(await sam.sync()).toEqual({ ok: true });
    // A forged tag written straight into Sam's database: the capture triggers queue it like any change.
    sam.db.prepare('UPDATE inventory_items SET asset_tag = ? WHERE id = ?').run(`${siteA.code}-${alexIssuer}-9999`, item.id);
    const expected = sam.core.call('inventory.list', { siteId: siteA.id, limit: 1 }).items[0]!;
    sam.db.prepare('UPDATE inventory_items SET asset_tag = ? WHERE id = ?').run(`${siteA.code}-D999-0001`, expected.id);
    await sam.sync();
    const conflicts = sam.core.call('sync.conflicts', {});
    const reasons = conflicts.map((c) => `${c.code}: ${c.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^forbidden: Asset tag .*-${alexIssuer}-9999 names issuer ${alexIssuer}, which is not one of your devices`),
        ),
        expect.stringMatching(/^forbidden: Technicians may not set this asset tag: only surplus items/),
      ]),
    );
    const stored = await server.db.query<{ tag: string | null }>(
      "SELECT data->>'asset_tag' AS tag FROM docs WHERE entity = 'inventory_items' AND row_id = $1",
      [item.id],
    );
    expect(stored[0]!.tag).toBeNull();
    expect(count(alex.db, 'SELECT 1 FROM asset_tag_issuers')).toBe(1);
  });
});
