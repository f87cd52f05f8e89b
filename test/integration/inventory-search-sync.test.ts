import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/sample/seeded-random';
import { startTestServer, type TestServer } from '../support/central-server';
import { expectSearchMatchesScan, randomQueries, SEARCH_ALPHABET } from '../support/inventory-search-oracle';
import { openDevice, type Device } from './sync-client-fixture';

// The trigram index on a device that only pulls (a release manager's second device, against a
// real central server on PGlite): after the first pull and after a pull of inserts, changed
// serials, receipts and deletions, its search finds exactly what a scan of its rows finds.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let office: Device;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  rm = openDevice({ sample: true });
  office = openDevice();
  await rm.signIn(server.url, 'rita', PASSWORD);
}, 180_000);

afterAll(async () => {
  rm?.close();
  office?.close();
  await server?.stop();
});

/** A printable serial with the characters search syntax gives a meaning to. */
const serialFrom = (rng: ReturnType<typeof seededRandom>) =>
  `${rng.chars(SEARCH_ALPHABET.replace(' ', ''), rng.int(3, 12))}-${rng.int(0, 99_999)}`;

describe('inventory search on a device that pulls its data', () => {
  it('matches a scan after the first pull and after a pull of inserts, updates and deletes', async () => {
    const rng = seededRandom(1515);
    const deploymentId = rm.deploymentId!;
    const sites = rm.core.call('sites.list', { deploymentId });
    for (let n = 0; n < 40; n++)
      rm.core.call('inventory.recordSurplus', {
        siteId: rng.pick(sites).id,
        serial: serialFrom(rng),
        model: rng.chars(SEARCH_ALPHABET, rng.int(0, 10)),
      });
    rm.core.call('sync.publish', { deploymentId });
    expect(await rm.sync()).toEqual({ ok: true });

    await office.signIn(server.url, 'rita', PASSWORD); // the first sync pulls the deployment
    const scope = { deploymentId, siteIds: sites.map((s) => s.id) };
    expect(office.core.call('inventory.searchDeployment', { deploymentId, query: 'engage one', limit: 200 }).total).toBeGreaterThan(0);
    expect(expectSearchMatchesScan(office.core, office.db, scope, randomQueries(rng, office.db, 60))).toBeGreaterThan(0);

    // On the planning device: receipts, state changes, new surplus, edited values and deletions (captured for the push).
    for (const site of sites.slice(0, 3)) {
      const items = rm.core.call('inventory.list', { siteId: site.id, limit: 1000 }).items.filter((i) => !i.isSurplus);
      for (const item of items.slice(0, 4)) rm.core.call('inventory.receive', { siteId: site.id, serial: item.expectedSerial! });
      rm.core.call('inventory.setState', { itemId: items[5]!.id, state: 'damaged' });
      rm.core.call('inventory.recordSurplus', { siteId: site.id, serial: serialFrom(rng) });
    }
    const ids = (rm.db.prepare('SELECT id FROM inventory_items ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const edit = rm.db.prepare('UPDATE inventory_items SET model = ?, asset_tag = ? WHERE id = ?');
    for (const id of ids.filter(() => rng.next() < 0.1))
      edit.run(rng.chars(SEARCH_ALPHABET, rng.int(1, 12)), rng.next() < 0.3 ? null : `TAG-${rng.chars(SEARCH_ALPHABET, 5)}`, id);
    const removed = ids.filter(() => rng.next() < 0.05);
    const remove = rm.db.prepare('DELETE FROM inventory_items WHERE id = ?');
    for (const id of removed) remove.run(id);
    expect(await rm.sync()).toEqual({ ok: true });

    expect(await office.sync()).toEqual({ ok: true });
    expect(
      office.db.prepare(`SELECT count(*) AS n FROM inventory_items WHERE id IN (${removed.map(() => '?').join(',')})`).get(...removed),
    ).toEqual({ n: 0 });
    expect(office.db.prepare('SELECT count(*) AS n FROM inventory_items').get()).toEqual(
      rm.db.prepare('SELECT count(*) AS n FROM inventory_items').get(),
    );
    expect(expectSearchMatchesScan(office.core, office.db, scope, randomQueries(rng, office.db, 60))).toBeGreaterThan(0);
  }, 180_000);
});
