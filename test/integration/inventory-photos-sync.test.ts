import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/central-server';
import { signaturePng } from '../support/signoff-fixtures';
import type { TestCore } from '../support/temp-core';
import { managerCore, previewText } from './site-report-fixture';
import { assignUser, openDevice, type Device } from './sync-client-fixture';

// Photos of surplus items (issue #14 part 2) sync like other photo evidence: a technician photographs
// a surplus item at their site; the link row and the photo reach the central server (PGlite) and the
// release manager; the site report file carries both to a manager off the network.

const PASSWORD = 'correct horse battery';
let server: TestServer;
let rm: Device & { deploymentId?: string };
let tech: Device;
let siteId: string;
let itemId: string;
let photoSha: string;

beforeAll(async () => {
  server = await startTestServer({ backend: 'pglite' });
  await server.createUser({ username: 'rita', displayName: 'Rita Manager', role: 'release_manager', password: PASSWORD });
  await server.createUser({ username: 'alex', displayName: 'Alex Morgan', role: 'technician', password: PASSWORD });
  rm = openDevice({ sample: true });
  tech = openDevice();
  await rm.signIn(server.url, 'rita', PASSWORD);
  const users = await rm.core.callAsync('sync.serverUsers', {});
  siteId = assignUser(rm, rm.deploymentId!, 'Alex Morgan', users[0]!)[0]!;
  rm.core.call('sync.publish', { deploymentId: rm.deploymentId! });
  expect(await rm.sync()).toEqual({ ok: true });
  await tech.signIn(server.url, 'alex', PASSWORD);
  expect(await tech.core.syncEngine.runOnce({ kind: 'prepare', siteIds: [siteId] })).toEqual({ ok: true });
  const surplus = tech.core.call('inventory.recordSurplus', {
    siteId,
    serial: 'SRP-SYNC-77',
    manufacturer: 'HP',
    model: 'ProDesk 400',
    note: 'Behind the till',
  });
  itemId = surplus.id;
  photoSha = tech.core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(11, 80, 40) }).sha256;
  tech.core.call('inventory.attachPhoto', { itemId, sha256: photoSha });
}, 180_000);

afterAll(async () => {
  rm?.close();
  tech?.close();
  await server?.stop();
});

describe('photos of surplus items between devices', () => {
  it('sync to the central server; the release manager gets the link and the photo byte for byte', async () => {
    expect(await tech.sync()).toEqual({ ok: true });
    expect(tech.core.call('sync.status', {})).toMatchObject({ pendingOperations: 0, pendingAttachments: 0, conflicts: 0 });
    const stored = await server.db.query<{ data: { item_id: string; sha256: string }; partition: string }>(
      "SELECT data, partition FROM docs WHERE entity = 'inventory_item_photos' AND NOT deleted",
    );
    expect(stored).toEqual([
      expect.objectContaining({ partition: `site:${siteId}`, data: expect.objectContaining({ item_id: itemId, sha256: photoSha }) }),
    ]);
    expect(await rm.sync()).toEqual({ ok: true });
    expect(rm.core.call('inventory.photos', { itemId })).toEqual(tech.core.call('inventory.photos', { itemId }));
    expect(rm.core.call('attachments.get', { sha256: photoSha }).dataBase64).toBe(signaturePng(11, 80, 40));
    // The manager's review of the site lists the photo as the technician's does.
    const photos = (device: Device) => device.core.call('signoff.review', { siteId, kind: 'site_complete' }).review.photos;
    expect(photos(rm)).toEqual([{ sha256: photoSha, subject: 'Surplus: SRP-SYNC-77 HP ProDesk 400' }]);
    expect(photos(rm)).toEqual(photos(tech));
  });

  it('travels in the site report file: a manager off the network imports the link and the photo', () => {
    const exported = tech.core.call('siteReports.exportFile', { siteId });
    const file = JSON.parse(exported.content) as {
      rows: { entity: string; data: Record<string, unknown> }[];
      attachments: { sha256: string }[];
    };
    expect(file.rows.filter((r) => r.entity === 'inventory_item_photos').map((r) => r.data)).toEqual([
      expect.objectContaining({ item_id: itemId, sha256: photoSha }),
    ]);
    expect(file.attachments.map((a) => a.sha256)).toContain(photoSha);
    const offline: TestCore = managerCore();
    try {
      const preview = previewText(offline, exported.fileName, exported.content);
      expect(preview.problems).toEqual([]);
      offline.call('siteReports.importFile', { previewId: preview.previewId, confirmFingerprint: preview.device!.fingerprint });
      expect(offline.call('inventory.photos', { itemId })).toEqual(tech.core.call('inventory.photos', { itemId }));
      expect(offline.call('attachments.get', { sha256: photoSha }).dataBase64).toBe(signaturePng(11, 80, 40));
      expect(offline.call('siteReports.get', { siteId }).attachments).toContainEqual(
        expect.objectContaining({ sha256: photoSha, usedBy: ['Photo of surplus item SRP-SYNC-77'], intact: true }),
      );
    } finally {
      offline.close();
    }
  });
});
