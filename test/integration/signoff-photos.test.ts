import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps } from '../support/exif-jpeg';
import { signSite, signaturePng } from '../support/signoff-fixtures';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

const dir = tempDataDir('outpost-signoff-photos');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let core: TestCore;
let pdfFile: string;
let rackPhoto: string;
let doorPhoto: string;
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
  // A phone JPEG (GPS, turned a quarter) as evidence of a photo item, and a PNG on an issue.
  rackPhoto = core.call('attachments.put', { mediaType: 'image/jpeg', dataBase64: jpegWithGps(6).toString('base64') }).sha256;
  doorPhoto = core.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(9, 60, 30) }).sha256;
  const items = core.call('checklist.get', { siteId: opened.site.id }).phases.flatMap((p) => p.items);
  const mount = items.find((i) => i.evidence === 'photo')!;
  core.call('checklist.attachPhoto', { itemId: mount.id, sha256: rackPhoto });
  core.call('issues.create', {
    siteId: opened.site.id,
    title: 'Server room door does not lock',
    severity: 'medium',
    category: 'facility',
    attachments: [doorPhoto],
  });
  const signed = signSite(core, opened.site.id, { decision: 'rejected', reason: 'Door first' });
  sheetId = signed.sheet.id;
  pdfFile = path.join(dir, 'sheet.pdf');
  fs.writeFileSync(pdfFile, await exportPdf(sheetId));
});
afterAll(() => core.close());

describe('photo evidence on the site-complete sheet', () => {
  it('is part of the signed content by SHA-256, checklist photos first, each named by what it shows', () => {
    const sheet = core.call('signoff.get', { sheetId });
    expect(sheet.content.review.photos).toEqual([
      { sha256: rackPhoto, subject: expect.stringMatching(/^Checklist: /) },
      { sha256: doorPhoto, subject: 'Issue #1: Server room door does not lock' },
    ]);
    expect(core.call('signoff.review', { siteId: sheet.content.review.site!.id, kind: 'core_components' }).review.photos).toBeUndefined();
  });

  it('appears in the PDF: each stored photo embedded byte for byte, with its subject and hash, and no location', async () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Photo evidence (2)');
    expect(text).toContain('Issue #1: Server room door does not lock');
    // Two photos to a row: read each half of the last page on its own, so the wrapped hash reads whole.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
    const half = (x: number) =>
      execFileSync(
        'pdftotext',
        ['-f', String(pages), '-l', String(pages), '-x', String(x), '-y', '0', '-W', '297', '-H', '842', pdfFile, '-'],
        { encoding: 'utf8' },
      ).replace(/\s+/g, '');
    expect(half(0)).toContain(rackPhoto);
    expect(half(298)).toContain(doorPhoto);
    const list = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
    expect(list).toMatch(/\s16\s+8\s+rgb\s+3\s+8\s+jpeg\s/);
    const out = path.join(dir, 'img');
    execFileSync('pdfimages', ['-all', pdfFile, out]);
    const jpegs = fs.readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.jpg'));
    expect(jpegs).toHaveLength(1);
    const embedded = fs.readFileSync(path.join(dir, jpegs[0]!));
    expect(sha256(embedded)).toBe(rackPhoto);
    expect(await exifr.gps(embedded)).toBeUndefined();
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(2); // the drawn signature and the door photo
  });
});
