import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/central-server';
import { assignUser, openDevice, type Device } from './sync-client-fixture';
import { previewText } from './site-report-fixture';

// "Import from the server": a release manager's second device fetches every site report of the
// deployment by syncing, then only what changed; a report file carried off site before the
// technician synced and the later sync of the same work agree.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let office: Device;
let tech: Device;
let siteId: string;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  const alex = await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  office = openDevice();
  tech = openDevice();
  await rm.signIn(server.url, 'rita', PASSWORD);
  const alexSites = assignUser(rm, rm.deploymentId!, 'Alex Morgan', alex);
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  await tech.signIn(server.url, 'alex', PASSWORD);
  siteId = alexSites[0]!;
  expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
}, 180_000);

afterAll(async () => {
  rm?.close();
  office?.close();
  tech?.close();
  await server?.stop();
});

describe('fetch site reports from the server', () => {
  it('lists every site of the deployment as new on a manager device that had none', async () => {
    await office.signIn(server.url, 'rita', PASSWORD);
    const fetched = await office.core.callAsync('siteReports.fetchFromServer', {});
    expect(fetched.ok).toBe(true);
    const all = rm.core.call('sites.list', { deploymentId: rm.deploymentId! });
    expect(fetched.sites.map((s) => s.siteId).sort()).toEqual(all.map((s) => s.id).sort());
    expect(fetched.sites.every((s) => s.change === 'new')).toBe(true);
    expect((await office.core.callAsync('siteReports.fetchFromServer', {})).sites).toEqual([]);
  });

  it('a report file imported before the technician syncs agrees with the later sync; the fetch then lists only that site as changed', async () => {
    const item = tech.core.call('inventory.list', { siteId, limit: 5 }).items[0]!;
    tech.core.call('inventory.receive', { siteId, serial: item.expectedSerial! });
    const issue = tech.core.call('issues.create', {
      siteId,
      title: 'Patch panel mislabelled',
      severity: 'low',
      category: 'documentation',
      blocksSignOff: false,
    });
    const file = tech.core.call('siteReports.exportFile', { siteId });

    const preview = previewText(office.core, file.fileName, file.content);
    expect(preview).toMatchObject({ importable: true, siteKnown: true });
    expect(preview.entities.find((e) => e.entity === 'issues')).toMatchObject({ new: 1 });
    const imported = office.core.call('siteReports.importFile', { previewId: preview.previewId });
    expect(imported.newRows).toBeGreaterThanOrEqual(2); // the issue and its created event (the received item is a changed row)
    expect(office.core.call('sync.status', {}).pendingOperations).toBe(0);

    expect(await tech.sync()).toEqual({ ok: true });
    const fetched = await office.core.callAsync('siteReports.fetchFromServer', {});
    expect(fetched.ok).toBe(true);
    expect(office.core.call('sync.status', {}).conflicts).toBe(0);
    const report = office.core.call('siteReports.get', { siteId });
    expect(report.issues.map((i) => i.id)).toEqual([issue.id]);
    expect(report.inventory.received.map((i) => i.id)).toContain(item.id);
    expect(report).toEqual(tech.core.call('siteReports.get', { siteId }));
    expect(fetched.sites.every((s) => s.siteId === siteId)).toBe(true);
  });
});
