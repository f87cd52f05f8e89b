import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeTombstones } from '../../server/sync/retention';
import { startTestServer, type TestServer } from '../support/central-server';
import { api } from '../support/wire-client';
import { assignUser, count, openDevice, type Device } from './sync-client-fixture';

// What goes wrong, on a real central server (PGlite): refused changes, changes crossing on the
// wire, a client too old, a purged change log, closing mid-sync, signing out.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let tech: Device;
let siteId: string;

const note = (d: Device, id: string) => (d.db.prepare('SELECT note FROM inventory_items WHERE id = ?').get(id) as { note: string }).note;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  const alex = await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  await rm.signIn(server.url, 'rita', PASSWORD);
  const alexSites = assignUser(rm, rm.deploymentId!, 'Alex Morgan', alex);
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  siteId = alexSites[0]!;
  tech = openDevice();
  await tech.signIn(server.url, 'alex', PASSWORD);
  expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
}, 120_000);

afterAll(async () => {
  rm?.close();
  tech?.close();
  await server?.stop();
});

describe('desktop sync when things go wrong', () => {
  it('moves a refused change to the conflicts, goes on with the queue, and puts the row back as the server has it', async () => {
    const component = tech.db.prepare('SELECT id, name FROM components LIMIT 1').get() as { id: string; name: string };
    tech.db.prepare("UPDATE components SET name = 'Renamed by a technician' WHERE id = ?").run(component.id); // a plan column: not theirs
    const item = tech.core.call('inventory.list', { siteId, limit: 1 }).items[0]!;
    tech.core.call('inventory.setState', { itemId: item.id, state: 'damaged', note: 'Crushed box' });
    expect(await tech.sync()).toEqual({ ok: true });
    const status = tech.core.call('sync.status', {});
    expect(status).toMatchObject({ pendingOperations: 0, conflicts: 1, lastError: null });
    const [conflict] = tech.core.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      entity: 'components',
      rowId: component.id,
      kind: 'update',
      data: { id: component.id, name: 'Renamed by a technician' },
    });
    expect(conflict!.code).toBe('forbidden');
    expect(conflict!.reason.length).toBeGreaterThan(0);
    expect((tech.db.prepare('SELECT name FROM components WHERE id = ?').get(component.id) as { name: string }).name).toBe(component.name);
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('inventory.list', { siteId, limit: 1000 }).items.find((i) => i.id === item.id)).toMatchObject({
      state: 'damaged',
      note: 'Crushed box',
    });
    expect(tech.core.call('sync.dismissConflict', { opId: conflict!.opId })).toEqual({ dismissed: true });
    expect(tech.core.call('sync.status', {}).conflicts).toBe(0);
  });

  it('does not overwrite a local row with pending changes when a pull brings the other side, and converges after the push', async () => {
    const item = tech.core.call('inventory.list', { siteId, limit: 3 }).items[2]!;
    rm.core.call('inventory.setState', { itemId: item.id, state: 'expected', note: 'From the office' });
    expect(await rm.sync()).toEqual({ ok: true });
    tech.core.call('inventory.setState', { itemId: item.id, state: 'expected', note: 'From the site' });
    // The server takes nothing this time (no results): the change stays pending while the pull runs.
    tech.net.intercept = (url) =>
      url.endsWith('/v1/sync/push') ? Promise.resolve(Response.json({ results: [], serverTime: new Date().toISOString() })) : undefined;
    expect(await tech.sync()).toEqual({ ok: true });
    tech.net.intercept = undefined;
    expect(tech.core.call('sync.status', {}).pendingOperations).toBe(1);
    expect(note(tech, item.id)).toBe('From the site');
    expect(await tech.sync()).toEqual({ ok: true });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(await tech.sync()).toEqual({ ok: true });
    expect(note(tech, item.id)).toBe(note(rm, item.id));
    expect(tech.core.call('sync.status', {}).pendingOperations).toBe(0);
  });

  it('keeps the outbox and stops automatic runs when the server says the client is too old', async () => {
    tech.core.call('checklist.setItemState', {
      itemId: tech.core.call('checklist.get', { siteId }).phases[0]!.items[0]!.id,
      state: 'done',
      note: 'Counted',
    });
    const pending = tech.core.call('sync.status', {}).pendingOperations;
    expect(pending).toBeGreaterThan(0);
    tech.net.protocol = '0';
    const outcome = await tech.sync();
    tech.net.protocol = undefined;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'client_too_old' } });
    const status = tech.core.call('sync.status', {});
    expect(status).toMatchObject({
      state: 'error',
      pendingOperations: pending,
      nextAttemptAt: null,
      lastError: { code: 'client_too_old' },
    });
    expect(status.lastError!.message).toMatch(/update Outpost/i);
    expect(status.lastError!.detail).toContain('426');
    expect(await tech.sync()).toEqual({ ok: true });
    expect(tech.core.call('sync.status', {}).pendingOperations).toBe(0);
  });

  it('loads a fresh snapshot when its cursor is older than the change log the server keeps, and drops rows the server deleted', async () => {
    const machine = rm.core.call('machines.list', { siteId })[0]!;
    rm.core.call('machines.delete', { machineId: machine.id });
    expect(await rm.sync()).toEqual({ ok: true });
    const purged = await purgeTombstones(server.db as unknown as Parameters<typeof purgeTombstones>[0], { olderThanDays: 0 });
    expect(purged.partitions.map((p) => p.partition)).toContain(`site:${siteId}`);
    expect(count(tech.db, 'SELECT 1 FROM target_machines WHERE id = ?', machine.id)).toBe(1);
    expect(await tech.sync()).toEqual({ ok: true });
    expect(count(tech.db, 'SELECT 1 FROM target_machines WHERE id = ?', machine.id)).toBe(0);
    expect(tech.core.call('machines.list', { siteId })).toEqual(rm.core.call('machines.list', { siteId }));
    expect(count(tech.db, "SELECT 1 FROM sync_cursors WHERE cursor = 'snapshot'")).toBe(0);
    // A server restored from an older backup: the device's cursor is beyond the server's last sequence.
    const cursorOf = () =>
      (tech.db.prepare('SELECT last_seq AS n FROM sync_cursors WHERE partition = ?').get(`site:${siteId}`) as { n: number }).n;
    const real = cursorOf();
    tech.db
      .prepare('UPDATE sync_cursors SET last_seq = last_seq + 100, cursor = CAST(last_seq + 100 AS TEXT) WHERE partition = ?')
      .run(`site:${siteId}`);
    expect(await tech.sync()).toEqual({ ok: true });
    expect(cursorOf()).toBe(real);
    expect(tech.core.call('machines.list', { siteId })).toEqual(rm.core.call('machines.list', { siteId }));
  });

  it('keeps syncing when two devices numbered an issue alike offline', async () => {
    const second = openDevice();
    try {
      await second.signIn(server.url, 'alex', PASSWORD);
      expect(await second.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
      const first = tech.core.call('issues.create', { siteId, title: 'Fan noise', severity: 'low', category: 'hardware' });
      const other = second.core.call('issues.create', { siteId, title: 'Door lock', severity: 'low', category: 'facility' });
      expect(first.number).toBe(other.number);
      expect(await tech.sync()).toEqual({ ok: true });
      expect(await second.sync()).toEqual({ ok: true });
      expect(await tech.sync()).toEqual({ ok: true });
      expect(await second.sync()).toEqual({ ok: true });
      const titles = (d: Device) =>
        (d.db.prepare('SELECT title FROM issues WHERE site_id = ? ORDER BY title').all(siteId) as { title: string }[]).map((r) => r.title);
      expect(titles(tech)).toEqual(titles(second));
      expect(titles(tech)).toEqual(expect.arrayContaining(['Door lock', 'Fan noise']));
      const numbers = (d: Device) => d.db.prepare('SELECT id, number FROM issues WHERE site_id = ? ORDER BY id').all(siteId);
      expect(numbers(tech)).toEqual(numbers(second)); // the server renumbered the later one; both follow it
      // Both comment on the same issue offline: both take the same event sequence.
      tech.core.call('issues.comment', { issueId: first.id, text: 'Fan replaced' });
      second.core.call('issues.comment', { issueId: first.id, text: 'Fan still loud' });
      expect(await tech.sync()).toEqual({ ok: true });
      expect(await second.sync()).toEqual({ ok: true });
      expect(await tech.sync()).toEqual({ ok: true });
      const events = (d: Device) => d.db.prepare('SELECT id, seq, text FROM issue_events WHERE issue_id = ? ORDER BY seq').all(first.id);
      expect(events(tech)).toEqual(events(second));
      expect(events(tech).map((e) => (e as { text: string }).text)).toEqual(expect.arrayContaining(['Fan replaced', 'Fan still loud']));
      for (const d of [tech, second]) {
        expect(() => d.db.prepare("UPDATE issue_events SET text = 'x' WHERE issue_id = ?").run(first.id)).toThrow(/append-only/); // still refused
      }
      expect(second.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, lastError: null });
      expect(tech.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, lastError: null });
    } finally {
      second.close();
    }
  });

  it('prepares a site in small pages when the site row comes after its children in the change log', async () => {
    const site = rm.core.call('sites.get', { siteId });
    rm.core.call('sites.update', { siteId, name: `${site.name} (renamed)` });
    expect(await rm.sync()).toEqual({ ok: true });
    const small = openDevice({ settings: { pullLimit: 25 } });
    try {
      await small.signIn(server.url, 'alex', PASSWORD);
      expect(await small.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
      expect(small.core.call('inventory.list', { siteId, limit: 1000 }).total).toBe(
        rm.core.call('inventory.list', { siteId, limit: 1000 }).total,
      );
      expect(small.core.call('sites.get', { siteId }).name).toBe(`${site.name} (renamed)`);
      expect(small.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      small.close();
    }
  });

  it('aborts a run when the core closes: the page in flight is not stored and nothing runs afterwards', async () => {
    const other = openDevice();
    await other.signIn(server.url, 'alex', PASSWORD);
    let pulling!: () => void;
    const pullStarted = new Promise<void>((resolve) => (pulling = resolve));
    other.net.intercept = (url, init) => {
      if (!url.endsWith('/v1/sync/pull')) return undefined;
      pulling();
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(fetch(url, init)), 300);
        init.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason as Error);
        });
      });
    };
    other.db.exec('DELETE FROM sync_cursors');
    const run = other.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] });
    await pullStarted;
    const cursorsBefore = count(other.db, 'SELECT 1 FROM sync_cursors');
    other.db.close();
    other.core.close();
    expect(await run).toMatchObject({ ok: false });
    const reopened = openDevice({ dataDir: other.core.dataDir });
    try {
      expect(count(reopened.db, 'SELECT 1 FROM sync_cursors')).toBe(cursorsBefore);
      expect(count(reopened.db, 'SELECT 1 FROM sync_apply_guard')).toBe(0);
      expect(count(reopened.db, 'SELECT 1 FROM sync_prepared_sites')).toBe(0);
    } finally {
      reopened.close();
    }
  });

  it('refuses to sign out while changes wait, then signs out, revokes the device and deletes the token', async () => {
    const item = tech.core.call('inventory.list', { siteId, limit: 4 }).items[3]!;
    tech.core.call('inventory.setState', { itemId: item.id, state: 'expected', note: 'Last words' });
    expect(await tech.core.core.call('sync.signOut', {})).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(await tech.sync()).toEqual({ ok: true });
    const token = tech.token()!;
    expect((await api(server.url, 'GET', '/v1/me', { token })).status).toBe(200);
    const status = await tech.core.callAsync('sync.signOut', {});
    expect(status).toMatchObject({ state: 'signed_out', account: null });
    expect(tech.token()).toBeNull();
    expect((await api(server.url, 'GET', '/v1/me', { token })).status).toBe(401);
    expect(tech.core.dispatch('sync.now', {})).toMatchObject({ ok: false, error: { code: 'rule' } });
  });
});
