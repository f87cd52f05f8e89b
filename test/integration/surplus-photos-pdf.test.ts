import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps } from '../support/exif-jpeg';
import { signSite } from '../support/signoff-fixtures';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

// The photo of a surplus item is signed with the site-complete sheet and embedded in its PDF, in the
// photo section the checklist and issue photos use (issue #14 part 2).

const dir = tempDataDir('outpost-surplus-photos-pdf');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let core: TestCore;
let pdfFile: string;
let photo: string;
let sheetId: string;

async function exportPdf(sheet: string) {
  for (let i = 0; i < 400; i++) {
    const result = core.call('signoff.exportPdf', { sheetId: sheet });
    if (result.status === 'ready') return Buffer.from(result.base64, 'base64');
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the PDF was not rendered');
}

beforeAll(async () => {
  const opened = openSampleCore();
  core = opened.core;
  const item = core.call('inventory.recordSurplus', {
    siteId: opened.site.id,
    serial: 'SRP-PDF-9001',
    manufacturer: 'Cisco',
    model: 'Catalyst 1000',
  });
  photo = core.call('attachments.put', { mediaType: 'image/jpeg', dataBase64: jpegWithGps(1).toString('base64') }).sha256;
  core.call('inventory.attachPhoto', { itemId: item.id, sha256: photo });
  sheetId = signSite(core, opened.site.id, { decision: 'rejected', reason: 'Surplus switch to be collected first' }).sheet.id;
  pdfFile = path.join(dir, 'sheet.pdf');
  fs.writeFileSync(pdfFile, await exportPdf(sheetId));
}, 120_000);
afterAll(() => core.close());

describe('a surplus photo on the site-complete sheet', () => {
  it('is part of the signed content by SHA-256, named by the item it shows', () => {
    expect(core.call('signoff.get', { sheetId }).content.review.photos).toEqual([
      { sha256: photo, subject: 'Surplus: SRP-PDF-9001 Cisco Catalyst 1000' },
    ]);
  });

  it('is embedded in the PDF byte for byte, under its subject, without location', async () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Photo evidence (1)');
    expect(text).toContain('Surplus: SRP-PDF-9001 Cisco Catalyst 1000');
    const out = path.join(dir, 'img');
    execFileSync('pdfimages', ['-all', pdfFile, out]);
    const jpegs = fs.readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.jpg'));
    expect(jpegs.map((f) => sha256(fs.readFileSync(path.join(dir, f))))).toEqual([photo]);
    expect(await exifr.gps(fs.readFileSync(path.join(dir, jpegs[0]!)))).toBeUndefined();
  });
});
