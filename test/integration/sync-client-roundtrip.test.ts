import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import { startTestServer, type TestServer } from '../support/central-server';
import { signaturePng, signSite } from '../support/signoff-fixtures';
import { assignUser, count, dump, openDevice, type Device } from './sync-client-fixture';

// One story on a real central server (PGlite): a release manager publishes the sample plan, a
// technician prepares a site, works offline, syncs; the release manager sees the work exactly once.

const PASSWORD = 'correct horse battery';
const SYNCED_TABLES = SYNC_ENTITIES.map((e) => e.name);
let server: TestServer;
let rm: Device & { deploymentId?: string };
let evidencePhoto: string;
let tech: Device;
let siteId: string;
let sheetId: string;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  tech = openDevice();
}, 120_000);

afterAll(async () => {
  rm?.close();
  tech?.close();
  await server?.stop();
});

describe('desktop sync against the central server', () => {
  it('signs the release manager in: profile follows the account, the token stays in the secret store', async () => {
    await rm.signIn(server.url, 'rita', PASSWORD);
    expect(rm.core.call('profile.get', {})).toEqual({ name: 'Rita Manager', role: 'release_manager' });
    const status = rm.core.call('sync.status', {});
    expect(status).toMatchObject({ state: 'idle', online: true, account: { username: 'rita', role: 'release_manager' } });
    const token = rm.token();
    expect(token).toBeTruthy();
    for (const file of [rm.core.databaseFile, `${rm.core.databaseFile}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(Buffer.from(token!))).toBe(false);
    }
    expect(fs.readFileSync(path.join(rm.core.dataDir, 'secrets.json'), 'utf8')).not.toContain(token!);
  });

  it("lists the server's technicians for the site editor's picker, by id and name", async () => {
    const users = await rm.core.callAsync('sync.serverUsers', {});
    expect(users).toEqual([{ id: expect.any(String), username: 'alex', displayName: 'Alex Morgan', role: 'technician' }]);
    // The sample names its technicians only (made offline): pick the user for the sites naming "Alex Morgan".
    assignUser(rm, rm.deploymentId!, 'Alex Morgan', users[0]!);
    const assigned = rm.core
      .call('sites.list', { deploymentId: rm.deploymentId! })
      .filter((s) => s.technicians.some((t) => t.id === users[0]!.id));
    expect(assigned.length).toBeGreaterThan(0);
  });

  it('publishes the whole plan and pushes it; a second sync sends nothing', async () => {
    const { queued } = rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
    expect(queued).toBeGreaterThan(300);
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, conflicts: 0, lastError: null });
    const before = dump(rm.db, SYNCED_TABLES);
    expect(await rm.sync()).toEqual({ ok: true });
    expect(dump(rm.db, SYNCED_TABLES)).toEqual(before);
    expect(rm.core.call('sync.publish', { deploymentId: rm.deploymentId! })).toEqual({ queued: 0 });
  });

  it('lets the technician prepare an assigned site with everything it needs', async () => {
    await tech.signIn(server.url, 'alex', PASSWORD);
    const sites = await tech.core.callAsync('sync.serverSites', {});
    const assigned = rm.core
      .call('sites.list', { deploymentId: rm.deploymentId! })
      .filter((s) => s.technicians.some((t) => t.name === 'Alex Morgan'));
    expect(sites.map((s) => s.siteId).sort()).toEqual(assigned.map((s) => s.id).sort());
    siteId = assigned[0]!.id;
    expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
    expect(tech.core.call('sync.status', {}).preparedSites.map((p) => p.siteId)).toContain(siteId);
    expect(tech.core.call('inventory.list', { siteId, limit: 1000 }).total).toBe(
      rm.core.call('inventory.list', { siteId, limit: 1000 }).total,
    );
    expect(tech.core.call('checklist.get', { siteId })).toEqual(rm.core.call('checklist.get', { siteId }));
    expect(count(tech.db, 'SELECT 1 FROM sync_scopes WHERE deployment_id = ?', rm.deploymentId)).toBe(1);
    expect(count(tech.db, 'SELECT 1 FROM sync_outbox')).toBe(0); // pulled rows are not captured
  });

  it('works offline: status says offline and counts the changes', async () => {
    tech.net.offline = true;
    const items = tech.core.call('inventory.list', { siteId, limit: 3 }).items;
    for (const item of items) tech.core.call('inventory.receive', { siteId, serial: item.expectedSerial! });
    const photo = tech.core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(3) });
    const issue = tech.core.call('issues.create', {
      siteId,
      title: 'Rack door bent',
      severity: 'medium',
      category: 'hardware',
      attachments: [photo.sha256],
    });
    tech.core.call('issues.comment', { issueId: issue.id, text: 'Vendor notified' });
    // A photo as checklist evidence travels like an issue photo (its bytes, not only the link).
    const photoItem = tech.core
      .call('checklist.get', { siteId })
      .phases.flatMap((p) => p.items)
      .find((i) => i.evidence === 'photo' && !i.dependsOn)!;
    evidencePhoto = tech.core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(4) }).sha256;
    tech.core.call('checklist.attachPhoto', { itemId: photoItem.id, sha256: evidencePhoto });
    tech.core.call('checklist.setItemState', { itemId: photoItem.id, state: 'done' });
    const { sheet } = signSite(tech.core, siteId, { decision: 'rejected', reason: 'Rack door to be replaced first' });
    sheetId = sheet.id;
    for (let i = 0; i < 200 && tech.core.call('signoff.exportPdf', { sheetId }).status !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 25));
    const outcome = await tech.sync();
    expect(outcome).toMatchObject({ ok: false, error: { code: 'offline' } });
    const status = tech.core.call('sync.status', {});
    expect(status).toMatchObject({ state: 'offline', online: false, pendingAttachments: 4 }); // issue photo, evidence photo, signature, PDF
    expect(status.pendingOperations).toBeGreaterThanOrEqual(3 + 1 + 2);
    expect(status.lastError?.detail).toContain('ECONNREFUSED');
  });

  it('syncs when back online; the release manager sees the work exactly once', async () => {
    tech.net.offline = false;
    expect(await tech.sync()).toEqual({ ok: true });
    expect(tech.core.call('sync.status', {}), JSON.stringify(tech.core.call('sync.conflicts', {}))).toMatchObject({
      state: 'idle',
      pendingOperations: 0,
      pendingAttachments: 0,
      conflicts: 0,
    });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('inventory.reconciliation', { siteId }).received).toBe(3);
    const issues = rm.core.call('issues.list', { siteId }).issues;
    expect(issues.map((i) => i.title)).toEqual(['Rack door bent']);
    expect(count(rm.db, 'SELECT 1 FROM issue_events WHERE issue_id = ?', issues[0]!.id)).toBe(
      count(tech.db, 'SELECT 1 FROM issue_events WHERE issue_id = ?', issues[0]!.id),
    );
    const sha = (tech.db.prepare('SELECT sha256 FROM issue_attachments').get() as { sha256: string }).sha256;
    expect(rm.core.call('attachments.get', { sha256: sha }).dataBase64).toBe(signaturePng(3));
    expect(rm.core.call('attachments.get', { sha256: evidencePhoto }).dataBase64).toBe(signaturePng(4));
    const rmPhotoItem = rm.core
      .call('checklist.get', { siteId })
      .phases.flatMap((p) => p.items)
      .find((i) => i.evidencePhotos.length > 0);
    expect(rmPhotoItem).toMatchObject({ state: 'done', evidencePhotos: [expect.objectContaining({ sha256: evidencePhoto })] });
    expect(rm.core.call('signoff.get', { sheetId })).toEqual(tech.core.call('signoff.get', { sheetId }));
    expect(rm.core.call('signoff.exportPdf', { sheetId })).toEqual(tech.core.call('signoff.exportPdf', { sheetId }));
  });

  it('converges: a second sync on both devices changes nothing and both hold the same site', async () => {
    const rmBefore = dump(rm.db, SYNCED_TABLES);
    const techBefore = dump(tech.db, SYNCED_TABLES);
    expect(await tech.sync()).toEqual({ ok: true });
    expect(await rm.sync()).toEqual({ ok: true });
    expect(dump(rm.db, SYNCED_TABLES)).toEqual(rmBefore);
    expect(dump(tech.db, SYNCED_TABLES)).toEqual(techBefore);
    const site = (d: Device) => dump(d.db, ['inventory_items', 'issues', 'issue_events', 'checklist_items']);
    // The site's rows, and the events of its issues (the release manager also holds the sample's incident at another site).
    const onlySite = (rows: Record<string, unknown[]>) => {
      const issueIds = new Set((rows.issues as { id: string; site_id: string }[]).filter((i) => i.site_id === siteId).map((i) => i.id));
      return Object.fromEntries(
        Object.entries(rows).map(([t, r]) => [
          t,
          (r as { site_id?: string; issue_id?: string }[]).filter(
            (x) => x.site_id === siteId || (x.issue_id !== undefined && issueIds.has(x.issue_id)),
          ),
        ]),
      );
    };
    expect(onlySite(site(tech))).toEqual(onlySite(site(rm)));
  });
});
