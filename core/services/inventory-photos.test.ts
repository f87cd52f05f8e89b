import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { signaturePng } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('photos of surplus items (inventory.attachPhoto / inventory.photos)', () => {
  it('links a stored photo to a surplus item once, lists it, and refuses an expected item, an unknown photo and an unknown item', () => {
    const opened = openSampleCore();
    core = opened.core;
    const siteId = opened.site.id;
    const surplus = core.call('inventory.recordSurplus', {
      siteId,
      serial: 'SRP-CAM-0001',
      manufacturer: 'Ubiquiti',
      model: 'UniFi Switch 8',
      note: 'Under the counter',
    });
    const photo = core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(3, 60, 30) });
    const other = core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(4, 60, 30) });

    expect(core.call('inventory.photos', { itemId: surplus.id })).toEqual([]);
    const first = core.call('inventory.attachPhoto', { itemId: surplus.id, sha256: photo.sha256 });
    expect(first).toEqual([{ sha256: photo.sha256, linkedAt: expect.any(String), linkedBy: 'Test Technician' }]);
    // The same photo again changes nothing; a second photo comes after the first.
    expect(core.call('inventory.attachPhoto', { itemId: surplus.id, sha256: photo.sha256 })).toEqual(first);
    const both = core.call('inventory.attachPhoto', { itemId: surplus.id, sha256: other.sha256 });
    expect(both.map((p) => p.sha256)).toEqual([photo.sha256, other.sha256]);
    expect(core.call('inventory.photos', { itemId: surplus.id })).toEqual(both);

    const expected = core.call('inventory.list', { siteId }).items.find((i) => !i.isSurplus)!;
    expect(core.dispatch('inventory.attachPhoto', { itemId: expected.id, sha256: photo.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('surplus items only') },
    });
    expect(core.dispatch('inventory.attachPhoto', { itemId: surplus.id, sha256: 'a'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(core.dispatch('inventory.attachPhoto', { itemId: 'no-such-item', sha256: photo.sha256 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(core.dispatch('inventory.photos', { itemId: 'no-such-item' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.dispatch('inventory.attachPhoto', { itemId: surplus.id, sha256: 'not a hash' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });

    // The site report lists each photo among its attachments, with the surplus item it shows.
    const report = core.call('siteReports.get', { siteId });
    expect(report.attachments).toContainEqual(
      expect.objectContaining({ sha256: photo.sha256, usedBy: ['Photo of surplus item SRP-CAM-0001'], intact: true }),
    );
    // The site-complete review lists them after the checklist and issue photos.
    const review = core.call('signoff.review', { siteId, kind: 'site_complete' }).review;
    expect(review.photos).toEqual([
      { sha256: photo.sha256, subject: 'Surplus: SRP-CAM-0001 Ubiquiti UniFi Switch 8' },
      { sha256: other.sha256, subject: 'Surplus: SRP-CAM-0001 Ubiquiti UniFi Switch 8' },
    ]);
    // One activity entry per new link.
    const file = core.databaseFile;
    core.close();
    core = undefined;
    const sqlite = new Database(file);
    try {
      expect(
        sqlite.prepare("SELECT count(*) AS n FROM activity WHERE action = 'photo_attached' AND entity_id = ?").get(surplus.id),
      ).toEqual({ n: 2 });
      // Append-only in SQLite too.
      expect(() => sqlite.prepare('UPDATE inventory_item_photos SET linked_by = ? WHERE item_id = ?').run('someone', surplus.id)).toThrow(
        /append-only/,
      );
      expect(() => sqlite.prepare('DELETE FROM inventory_item_photos WHERE item_id = ?').run(surplus.id)).toThrow(/append-only/);
    } finally {
      sqlite.close();
    }
  });
});
