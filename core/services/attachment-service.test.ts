import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import exifr from 'exifr';
import { FIXTURE_GPS, jpegWithGps } from '../../test/support/exif-jpeg';
import { signaturePng } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

/** A real PNG, different for each variant (the magic number alone is not enough: the file is parsed to strip its metadata). */
const png = (variant: number): Buffer => Buffer.from(signaturePng(variant, 40, 20), 'base64');

describe('attachments', () => {
  it('stores a photo under its SHA-256 once, and gives it back intact', () => {
    core = openSampleCore().core;
    const bytes = png(1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = core.call('attachments.put', { mediaType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(stored).toMatchObject({ sha256, mediaType: 'image/png', size: bytes.length, createdBy: 'Test Technician' });
    expect(fs.readFileSync(path.join(core.dataDir, 'attachments', sha256))).toEqual(bytes);
    expect(core.call('attachments.put', { mediaType: 'image/png', dataBase64: bytes.toString('base64') }).createdAt).toBe(stored.createdAt);
    expect(core.call('attachments.get', { sha256 }).dataBase64).toBe(bytes.toString('base64'));
  });

  it('refuses a file that is not the image it claims, bad base64, and too large a photo', () => {
    core = openSampleCore().core;
    expect(core.dispatch('attachments.put', { mediaType: 'image/jpeg', dataBase64: png(2).toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'rule' },
    });
    expect(core.dispatch('attachments.put', { mediaType: 'image/png', dataBase64: 'not base64!' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const big = Buffer.alloc(200 * 1024, 1).toString('base64');
    expect(core.dispatch('attachments.put', { mediaType: 'image/png', dataBase64: big })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(core.dispatch('attachments.get', { sha256: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to hand back a file altered on disk', () => {
    core = openSampleCore().core;
    const { sha256 } = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png(3).toString('base64') });
    fs.writeFileSync(path.join(core.dataDir, 'attachments', sha256), png(4));
    expect(core.dispatch('attachments.get', { sha256 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('altered') },
    });
  });

  it('carries photos on issue creation and comments, and refuses hashes never uploaded', () => {
    const sample = openSampleCore();
    core = sample.core;
    const first = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png(5).toString('base64') });
    const second = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png(6).toString('base64') });
    const issue = core.call('issues.create', {
      siteId: sample.site.id,
      title: 'Bent rails',
      severity: 'medium',
      category: 'hardware',
      attachments: [first.sha256],
    });
    const comment = core.call('issues.comment', { issueId: issue.id, text: 'After the fix', attachments: [second.sha256] });
    const { attachments, events } = core.call('issues.get', { issueId: issue.id });
    expect(attachments).toEqual([
      { eventId: events[0]!.id, sha256: first.sha256, mediaType: 'image/png', size: first.size },
      { eventId: comment.id, sha256: second.sha256, mediaType: 'image/png', size: second.size },
    ]);
    expect(core.dispatch('issues.comment', { issueId: issue.id, text: 'x', attachments: ['b'.repeat(64)] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(core.call('issues.get', { issueId: issue.id }).events).toHaveLength(2);
  });
  it('strips GPS and other metadata before hashing: the stored file is the stripped one, its orientation kept', async () => {
    core = openSampleCore().core;
    const sent = jpegWithGps(6);
    expect((await exifr.gps(sent))?.latitude).toBeCloseTo(FIXTURE_GPS.latitude, 3);
    const stored = core.call('attachments.put', { mediaType: 'image/jpeg', dataBase64: sent.toString('base64') });
    const onDisk = fs.readFileSync(path.join(core.dataDir, 'attachments', stored.sha256));
    expect(stored.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(stored.size).toBe(onDisk.length);
    expect(onDisk.length).toBeLessThan(sent.length);
    expect(await exifr.gps(onDisk)).toBeUndefined();
    expect(await exifr.parse(onDisk, { translateValues: false })).toEqual({ Orientation: 6 });
    const sqlite = new Database(core.databaseFile, { readonly: true });
    const activity = sqlite.prepare("SELECT detail FROM activity WHERE entity = 'attachment' AND entity_id = ?").get(stored.sha256) as {
      detail: string;
    };
    sqlite.close();
    expect(JSON.parse(activity.detail)).toMatchObject({ metadataRemoved: expect.arrayContaining(['EXIF/XMP', 'comment']) });
  });

  it('refuses an image whose structure is damaged, saying why, and stores nothing', () => {
    core = openSampleCore().core;
    const count = () => {
      const sqlite = new Database(core.databaseFile, { readonly: true });
      const n = sqlite.prepare("SELECT count(*) AS n FROM attachments WHERE media_type = 'image/jpeg'").get();
      sqlite.close();
      return n;
    };
    const cut = jpegWithGps(1).subarray(0, 400).toString('base64');
    expect(core.dispatch('attachments.put', { mediaType: 'image/jpeg', dataBase64: cut })).toMatchObject({
      ok: false,
      error: { code: 'rule', message: expect.stringContaining('JPEG') },
    });
    expect(count()).toEqual({ n: 0 });
  });
});
