import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore;
afterEach(() => core?.close());

/** A tiny but real PNG header followed by some bytes (the magic number is what is checked). */
function png(extra: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(extra)]);
}

describe('attachments', () => {
  it('stores a photo under its SHA-256 once, and gives it back intact', () => {
    core = openSampleCore().core;
    const bytes = png('rack photo');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = core.call('attachments.put', { mediaType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(stored).toMatchObject({ sha256, mediaType: 'image/png', size: bytes.length, createdBy: 'Test Technician' });
    expect(fs.readFileSync(path.join(core.dataDir, 'attachments', sha256))).toEqual(bytes);
    expect(core.call('attachments.put', { mediaType: 'image/png', dataBase64: bytes.toString('base64') }).createdAt).toBe(stored.createdAt);
    expect(core.call('attachments.get', { sha256 }).dataBase64).toBe(bytes.toString('base64'));
  });

  it('refuses a file that is not the image it claims, bad base64, and too large a photo', () => {
    core = openSampleCore().core;
    expect(core.dispatch('attachments.put', { mediaType: 'image/jpeg', dataBase64: png('x').toString('base64') })).toMatchObject({ ok: false, error: { code: 'rule' } });
    expect(core.dispatch('attachments.put', { mediaType: 'image/png', dataBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const big = Buffer.alloc(200 * 1024, 1).toString('base64');
    expect(core.dispatch('attachments.put', { mediaType: 'image/png', dataBase64: big })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(core.dispatch('attachments.get', { sha256: 'a'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to hand back a file altered on disk', () => {
    core = openSampleCore().core;
    const { sha256 } = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png('original').toString('base64') });
    fs.writeFileSync(path.join(core.dataDir, 'attachments', sha256), png('tampered'));
    expect(core.dispatch('attachments.get', { sha256 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('altered') } });
  });

  it('carries photos on issue creation and comments, and refuses hashes never uploaded', () => {
    const sample = openSampleCore();
    core = sample.core;
    const first = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png('one').toString('base64') });
    const second = core.call('attachments.put', { mediaType: 'image/png', dataBase64: png('two').toString('base64') });
    const issue = core.call('issues.create', { siteId: sample.site.id, title: 'Bent rails', severity: 'medium', category: 'hardware', attachments: [first.sha256] });
    const comment = core.call('issues.comment', { issueId: issue.id, text: 'After the fix', attachments: [second.sha256] });
    const { attachments, events } = core.call('issues.get', { issueId: issue.id });
    expect(attachments).toEqual([
      { eventId: events[0]!.id, sha256: first.sha256, mediaType: 'image/png', size: first.size },
      { eventId: comment.id, sha256: second.sha256, mediaType: 'image/png', size: second.size },
    ]);
    expect(core.dispatch('issues.comment', { issueId: issue.id, text: 'x', attachments: ['b'.repeat(64)] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.call('issues.get', { issueId: issue.id }).events).toHaveLength(2);
  });
});
