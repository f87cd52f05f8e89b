import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../server/admin/admin-commands';
import { findBadRows, fixBadRows } from '../../server/admin/check-rows';
import { purgeTombstones } from '../../server/sync/retention';
import { SERVER_BACKENDS, startTestServer, type TestServer } from '../support/central-server';
import { api, signIn } from '../support/wire-client';
import { signaturePng } from '../support/signoff-fixtures';
import { count, openDevice, type Device } from './sync-client-fixture';

// Poison rows already in the server's database (written with SQL, as an older server or a bug
// would have left them): a desktop stores the rest of the page, keeps each such row in a visible
// quarantine, reports it to the server and syncs cleanly afterwards; `outpost server check-rows`
// finds them, repairs the ones a lossless fix makes valid and purges the rest.

const PASSWORD = 'correct horse battery';

/** A copy of a live row of `entity` in `partition`, with a new id and `change` applied, written straight into docs + change_log. */
async function insertPoison(
  server: TestServer,
  entity: string,
  partition: string,
  id: string,
  change: Record<string, unknown>,
): Promise<void> {
  const [source] = await server.db.query<{ data: Record<string, unknown> | string }>(
    'SELECT data FROM docs WHERE entity = $1 AND partition = $2 AND NOT deleted ORDER BY row_id LIMIT 1',
    [entity, partition],
  );
  const data = { ...(typeof source!.data === 'string' ? JSON.parse(source!.data) : source!.data), id, ...change };
  await server.db.transaction(async (tx) => {
    const [row] = await tx.query<{ last_seq: number | string }>(
      'UPDATE partitions SET last_seq = last_seq + 1 WHERE key = $1 RETURNING last_seq',
      [partition],
    );
    await tx.query('INSERT INTO docs (entity, row_id, partition, version, deleted, data) VALUES ($1, $2, $3, 1, false, $4::jsonb)', [
      entity,
      id,
      partition,
      JSON.stringify(data),
    ]);
    await tx.query('INSERT INTO change_log (partition, seq, entity, row_id) VALUES ($1, $2, $3, $4)', [
      partition,
      Number(row!.last_seq),
      entity,
      id,
    ]);
  });
}

const quarantined = (d: Device) =>
  d.core.call('sync.quarantine', {}).map((q) => ({ entity: q.entity, rowId: q.rowId, reason: q.reason, reported: q.reportedAt !== null }));
const note = (d: Device, id: string) =>
  (d.db.prepare('SELECT note FROM inventory_items WHERE id = ?').get(id) as { note: string } | undefined)?.note;

describe.each(SERVER_BACKENDS)('pulled rows a desktop cannot store (%s)', (backend) => {
  let server: TestServer;
  let rm: Device & { deploymentId?: string };
  let reader: Device;
  let siteId: string;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
    rm = openDevice({ sample: true });
    await rm.signIn(server.url, 'rita', PASSWORD);
    rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
    expect(await rm.sync()).toEqual({ ok: true });
    siteId = rm.core.call('sites.list', { deploymentId: rm.deploymentId! })[0]!.id;
    reader = openDevice();
    await reader.signIn(server.url, 'rita', PASSWORD);
    expect(reader.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 0 });
  }, 180_000);

  afterAll(async () => {
    rm?.close();
    reader?.close();
    await server?.stop();
  }, 60_000);

  it('stores the rest of the page, quarantines the row, shows and reports it, and the next syncs are clean', async () => {
    const sitePartition = `site:${siteId}`;
    const deploymentPartition = `deployment:${rm.deploymentId!}`;
    await insertPoison(server, 'inventory_items', sitePartition, 'poison-state', {
      state: 'lost_in_transit',
      expected_serial: 'P-1',
      expected_serial_key: 'P-1',
      found_serial: null,
      found_serial_key: null,
    });
    await insertPoison(server, 'components', deploymentPartition, 'poison-type', { model: 42 }); // a number in a text column
    await insertPoison(server, 'components', deploymentPartition, 'poison-object', { manufacturer: { nested: true } }); // no column holds an object
    // Valid changes after the poison rows, in the same pages.
    const items = rm.core.call('inventory.list', { siteId, limit: 2 }).items;
    rm.core.call('inventory.setState', { itemId: items[0]!.id, state: 'damaged', note: 'after the poison' });
    const component = rm.db.prepare('SELECT id FROM components WHERE deployment_id = ? ORDER BY id LIMIT 1').get(rm.deploymentId!) as {
      id: string;
    };
    rm.db.prepare("UPDATE components SET model = 'Model after the poison' WHERE id = ?").run(component.id);
    expect(await rm.sync()).toEqual({ ok: true });

    expect(await reader.sync()).toEqual({ ok: true });
    expect(note(reader, items[0]!.id)).toBe('after the poison');
    expect(reader.db.prepare('SELECT model FROM components WHERE id = ?').get(component.id)).toEqual({ model: 'Model after the poison' });
    expect(
      count(
        reader.db,
        "SELECT 1 FROM inventory_items WHERE id = 'poison-state' UNION ALL SELECT 1 FROM components WHERE id LIKE 'poison-%'",
      ),
    ).toBe(0);
    const status = reader.core.call('sync.status', {});
    expect(status).toMatchObject({ state: 'idle', lastError: null, quarantined: 3, conflicts: 0 });
    const rows = quarantined(reader);
    expect(rows.map((r) => r.rowId).sort()).toEqual(['poison-object', 'poison-state', 'poison-type']);
    expect(rows.find((r) => r.rowId === 'poison-state')!.reason).toContain('inventory_items.state must be one of');
    expect(rows.find((r) => r.rowId === 'poison-type')!.reason).toContain('components.model must be text');
    expect(rows.every((r) => r.reported)).toBe(true);
    expect(reader.core.call('sync.quarantine', {}).find((q) => q.rowId === 'poison-state')).toMatchObject({
      partition: sitePartition,
      version: 1,
      data: { state: 'lost_in_transit' },
    });

    // The server heard about them from both devices (the release manager's pulled them too when it synced its change).
    expect(rm.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 3 });
    const deviceId = status.account!.deviceId;
    const reports = await server.db.query<{ device_id: string; row_id: string; reason: string }>(
      'SELECT device_id, row_id, reason FROM quarantine_reports WHERE device_id = $1 ORDER BY row_id',
      [deviceId],
    );
    expect(reports.map((r) => r.row_id)).toEqual(['poison-object', 'poison-state', 'poison-type']);
    expect(reports[1]!.reason).toContain('inventory_items.state must be one of');
    expect(await server.db.query('SELECT 1 FROM quarantine_reports')).toHaveLength(6);

    // The next syncs are clean: the cursors moved past the rows, nothing is reported twice.
    const cursors = reader.db.prepare('SELECT partition, last_seq FROM sync_cursors ORDER BY partition').all();
    expect(await reader.sync()).toEqual({ ok: true });
    expect(await reader.sync()).toEqual({ ok: true });
    expect(reader.db.prepare('SELECT partition, last_seq FROM sync_cursors ORDER BY partition').all()).toEqual(cursors);
    expect(reader.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 3 });
  });

  it('POST /v1/sync/quarantine records only rows of partitions the caller may read, and refuses a malformed report', async () => {
    await server.createUser({ username: 'ravi', displayName: 'Ravi Other', role: 'release_manager', password: PASSWORD });
    const ravi = await signIn(server.url, 'ravi', PASSWORD);
    const row = {
      entity: 'components',
      rowId: 'poison-type',
      partition: `deployment:${rm.deploymentId!}`,
      version: 1,
      reason: 'made up by someone else',
    };
    expect(await api(server.url, 'POST', '/v1/sync/quarantine', { token: ravi.token, body: { rows: [row] } })).toMatchObject({
      status: 200,
      body: { recorded: 0 },
    });
    expect(await server.db.query('SELECT 1 FROM quarantine_reports WHERE device_id = $1', [ravi.deviceId])).toEqual([]);
    const bad = await api<{ error: { code: string } }>(server.url, 'POST', '/v1/sync/quarantine', {
      token: ravi.token,
      body: { rows: [{ ...row, partition: 'nowhere' }] },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation' } } });
    expect((await api(server.url, 'POST', '/v1/sync/quarantine', { body: { rows: [row] } })).status).toBe(401);
  });

  it('outpost server check-rows lists them; --repair fixes what a lossless fix makes valid, --purge deletes the rest; the devices clear their quarantine', async () => {
    const found = await findBadRows(server.db);
    expect(found.map((r) => [r.rowId, r.repaired !== null, r.reportedBy])).toEqual([
      ['poison-object', false, 2],
      ['poison-type', true, 2],
      ['poison-state', false, 2],
    ]);
    if (backend === 'postgresql') {
      // The command itself, on the server's database (PGlite's directory belongs to the running server).
      const out: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), readStdin: async () => '' };
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = server.location;
      try {
        expect(await runAdminCommand('check-rows', ['--json'], io)).toBe(1);
        expect(
          (
            JSON.parse(out.filter((l) => l.startsWith('{') || l.startsWith(' ') || l.startsWith('}')).join('\n')) as {
              found: { rowId: string }[];
            }
          ).found.map((r) => r.rowId),
        ).toEqual(['poison-object', 'poison-type', 'poison-state']);
        out.length = 0;
        expect(await runAdminCommand('check-rows', ['--repair'], io)).toBe(1);
        expect(out.join('\n')).toMatch(/repaired 1/);
        expect(out.join('\n')).toMatch(/2 without a lossless fix left as they are/);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
    } else {
      const repaired = await fixBadRows(server.db, found, 'repair');
      expect(repaired.repaired.map((r) => r.rowId)).toEqual(['poison-type']);
      expect(repaired.unrepairable.map((r) => r.rowId)).toEqual(['poison-object', 'poison-state']);
    }
    expect(await reader.sync()).toEqual({ ok: true });
    expect(reader.db.prepare("SELECT model FROM components WHERE id = 'poison-type'").get()).toEqual({ model: '42' });
    expect(
      quarantined(reader)
        .map((r) => r.rowId)
        .sort(),
    ).toEqual(['poison-object', 'poison-state']);

    const purged = await fixBadRows(server.db, await findBadRows(server.db), 'purge');
    expect(purged.purged.map((r) => r.rowId).sort()).toEqual(['poison-object', 'poison-state']);
    expect(await findBadRows(server.db)).toEqual([]);
    expect(await reader.sync()).toEqual({ ok: true });
    expect(reader.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 0 });
    expect(reader.core.call('sync.quarantine', {})).toEqual([]);
    const open = await server.db.query('SELECT row_id FROM quarantine_reports WHERE resolved_at IS NULL');
    expect(open).toEqual([]);
    // The release manager's device, which never saw them, receives the tombstones and the repaired row like any change.
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 0 });
    expect(rm.db.prepare("SELECT model FROM components WHERE id = 'poison-type'").get()).toEqual({ model: '42' });
  });

  it('a release manager with two deployments gets the other one completely while one partition holds a poison row and another cannot be pulled at all', async () => {
    const second = openDevice({ sample: true }); // Rita's other deployment, from another laptop
    const fresh = openDevice();
    try {
      await second.signIn(server.url, 'rita', PASSWORD);
      second.core.call('sync.publish', { deploymentId: second.deploymentId! });
      expect(await second.sync()).toEqual({ ok: true });
      const [broken, other] = rm.core.call('sites.list', { deploymentId: rm.deploymentId! });
      await insertPoison(server, 'components', `deployment:${rm.deploymentId!}`, 'poison-kind', { kind: 'bogus' });
      // One of the first deployment's site partitions answers 500 whatever is asked.
      fresh.net.intercept = (url, init) =>
        url.endsWith('/v1/sync/pull') && String(init.body).includes(`"site:${broken!.id}"`)
          ? Promise.resolve(
              Response.json(
                { error: { code: 'internal', message: 'The server failed to handle this request; it was logged.' } },
                { status: 500 },
              ),
            )
          : undefined;
      await fresh.signIn(server.url, 'rita', PASSWORD); // the first sync runs here
      const status = fresh.core.call('sync.status', {});
      expect(status).toMatchObject({ state: 'error', quarantined: 1, lastError: { code: 'server_error' } });
      expect(status.lastError!.message).toContain(`site:${broken!.id}`);
      expect(status.lastError!.message).toContain('the other partitions were pulled');
      expect(quarantined(fresh)).toEqual([
        expect.objectContaining({ rowId: 'poison-kind', reason: expect.stringContaining('components.kind must be one of') }),
      ]);

      // The other deployment, whole; and the first one's other sites.
      const perDeployment = (d: Device, deploymentId: string) =>
        Object.fromEntries(
          [
            ['sites', 'SELECT 1 FROM sites WHERE deployment_id = ?'],
            ['components', 'SELECT 1 FROM components WHERE deployment_id = ?'],
            ['inventory', 'SELECT 1 FROM inventory_items i JOIN sites s ON s.id = i.site_id WHERE s.deployment_id = ?'],
            ['checklist', 'SELECT 1 FROM checklist_items c JOIN sites s ON s.id = c.site_id WHERE s.deployment_id = ?'],
            ['machines', 'SELECT 1 FROM target_machines m JOIN sites s ON s.id = m.site_id WHERE s.deployment_id = ?'],
          ].map(([name, sql]) => [name, count(d.db, sql!, deploymentId)]),
        );
      expect(perDeployment(fresh, second.deploymentId!)).toEqual(perDeployment(second, second.deploymentId!));
      expect(perDeployment(fresh, second.deploymentId!).inventory).toBeGreaterThan(0);
      expect(fresh.core.call('inventory.list', { siteId: other!.id, limit: 1000 })).toEqual(
        rm.core.call('inventory.list', { siteId: other!.id, limit: 1000 }),
      );
      expect(count(fresh.db, 'SELECT 1 FROM inventory_items WHERE site_id = ?', broken!.id)).toBe(0);

      fresh.net.intercept = undefined;
      expect(await fresh.sync()).toEqual({ ok: true });
      expect(fresh.core.call('inventory.list', { siteId: broken!.id, limit: 1000 })).toEqual(
        rm.core.call('inventory.list', { siteId: broken!.id, limit: 1000 }),
      );
      expect(perDeployment(fresh, rm.deploymentId!)).toEqual(perDeployment(rm, rm.deploymentId!));
      expect(fresh.core.call('sync.status', {})).toMatchObject({ state: 'idle', lastError: null, quarantined: 1 });
    } finally {
      second.close();
      fresh.close();
    }
  });

  it('forgets a quarantined row the server no longer has once a fresh snapshot arrives (its tombstone purged unseen)', async () => {
    await insertPoison(server, 'components', `deployment:${rm.deploymentId!}`, 'poison-gone', { kind: 'bogus' });
    expect(await reader.sync()).toEqual({ ok: true });
    expect(quarantined(reader).map((r) => r.rowId)).toContain('poison-gone');
    await fixBadRows(
      server.db,
      (await findBadRows(server.db)).filter((r) => r.rowId === 'poison-gone'),
      'purge',
    );
    await purgeTombstones(server.db as unknown as Parameters<typeof purgeTombstones>[0], { olderThanDays: 0 });
    expect(await reader.sync()).toEqual({ ok: true });
    expect(quarantined(reader).map((r) => r.rowId)).not.toContain('poison-gone');
    expect(count(reader.db, "SELECT 1 FROM sync_cursors WHERE cursor = 'snapshot'")).toBe(0);
  });
});

// The desktop's side of an attachment the server will not give; the backend plays no part (PGlite).
describe('a pulled row whose attachment cannot be downloaded', () => {
  const world = {} as { server: TestServer; rm: Device & { deploymentId?: string }; reader: Device; siteId: string };

  beforeAll(async () => {
    world.server = await startTestServer({ backend: 'pglite' });
    await world.server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
    world.rm = openDevice({ sample: true });
    await world.rm.signIn(world.server.url, 'rita', PASSWORD);
    world.rm.core.call('sync.publish', { deploymentId: world.rm.deploymentId! });
    expect(await world.rm.sync()).toEqual({ ok: true });
    world.siteId = world.rm.core.call('sites.list', { deploymentId: world.rm.deploymentId! })[0]!.id;
    world.reader = openDevice();
    await world.reader.signIn(world.server.url, 'rita', PASSWORD);
  }, 180_000);

  afterAll(async () => {
    world.rm?.close();
    world.reader?.close();
    await world.server?.stop();
  }, 60_000);

  it('a row whose attachment the server will not give waits in the quarantine while the rest is stored, and follows once the attachment can be downloaded', async () => {
    const photo = world.rm.core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(4) });
    const issue = world.rm.core.call('issues.create', {
      siteId: world.siteId,
      title: 'Cracked till screen',
      severity: 'low',
      category: 'hardware',
      attachments: [photo.sha256],
    });
    expect(await world.rm.sync()).toEqual({ ok: true });
    world.reader.net.intercept = (url) =>
      url.includes(`/v1/blobs/${photo.sha256}`)
        ? Promise.resolve(Response.json({ error: { code: 'not_found', message: 'No such attachment.' } }, { status: 404 }))
        : undefined;
    expect(await world.reader.sync()).toEqual({ ok: true });
    world.reader.net.intercept = undefined;
    expect(count(world.reader.db, 'SELECT 1 FROM issues WHERE id = ?', issue.id)).toBe(1);
    expect(count(world.reader.db, 'SELECT 1 FROM issue_attachments WHERE sha256 = ?', photo.sha256)).toBe(0);
    expect(quarantined(world.reader)).toEqual([
      expect.objectContaining({
        entity: 'issue_attachments',
        reason: expect.stringContaining('did not give the attachment'),
        reported: true,
      }),
    ]);
    expect(world.reader.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 1 });

    expect(await world.reader.sync()).toEqual({ ok: true });
    expect(count(world.reader.db, 'SELECT 1 FROM issue_attachments WHERE sha256 = ?', photo.sha256)).toBe(1);
    expect(world.reader.core.call('attachments.get', { sha256: photo.sha256 }).dataBase64).toBe(signaturePng(4));
    expect(world.reader.core.call('sync.status', {})).toMatchObject({ lastError: null, quarantined: 0 });
  });
});
