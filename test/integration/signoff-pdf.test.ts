import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SHEET_NAME, renderSheetPdf } from '../../core/signoff/pdf/sheet-pdf';
import type { SignedSheet } from '../../shared/domain/signoff';
import { verifyCommand } from '../../launcher/commands/verify-command';
import { GATE_RULE } from '../../shared/signoff/gates';
import { signSite } from '../support/signoff-fixtures';
import { syntheticSheet } from '../support/synthetic-sheet';
import { openSampleCore, tempDataDir, type TestCore } from '../support/temp-core';

let core: TestCore;
let sheet: SignedSheet;
let pdfFile: string;
const dir = tempDataDir('outpost-signoff-pdf');

async function exportPdf(c: TestCore, sheetId: string) {
  for (let i = 0; i < 200; i++) {
    const result = c.call('signoff.exportPdf', { sheetId });
    if (result.status === 'ready') return result;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the PDF was not rendered');
}

async function verify(file: string) {
  const lines: string[] = [];
  // This core never signed in to a server: its key is not registered (signoff-verify-signer.test.ts covers that).
  const code = await verifyCommand.run([file, '--data-dir', dir, '--allow-unregistered'], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  const opened = openSampleCore();
  core = opened.core;
  const issue = core.call('issues.create', {
    siteId: opened.site.id,
    title: 'UPS battery at 40 %',
    severity: 'high',
    category: 'hardware',
    blocksSignOff: true,
  });
  const signed = signSite(core, opened.site.id, {
    decision: 'accepted_with_exceptions',
    exceptions: [{ issueId: issue.id, reason: 'New battery arrives Friday' }],
  });
  sheet = core.call('signoff.get', { sheetId: signed.sheet.id });
  const exported = await exportPdf(core, signed.sheet.id);
  pdfFile = write(exported.fileName, Buffer.from(exported.base64, 'base64'));
});
afterAll(() => core.close());

describe('the sign-off PDF', () => {
  it('is stored with the site by its SHA-256 and shows signer, site and hash', () => {
    const exported = core.call('signoff.exportPdf', { sheetId: sheet.content.sheetId });
    expect(exported.status).toBe('ready');
    if (exported.status !== 'ready') return;
    expect(fs.existsSync(path.join(core.dataDir, 'attachments', exported.sha256))).toBe(true);
    const text = pdftotext(pdfFile);
    expect(text).toContain('Jörg Łukasiewicz');
    expect(text).toContain(sheet.content.review.site!.name);
    expect(text).toContain(sheet.hash.value);
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('UPS battery at 40 %');
    expect(text).toContain('New battery arrives Friday');
    // The open gaps it was signed over come first, each with its reason, and the rule that judged the sheet.
    expect(text).toContain(`Open gaps when signed (${sheet.content.gaps!.length})`);
    expect(text).toContain(`Judged by rule ${GATE_RULE}.`);
    expect(text.indexOf('Open gaps when signed')).toBeLessThan(text.indexOf('Components'));
    expect(text).toMatch(/Missing item +Inventory: PowerEdge R660xs/);
    expect(text).toContain('Agreed with the site owner');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('renders every page to PNG with pdftoppm', () => {
    const prefix = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '40', pdfFile, prefix]);
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs.length).toBe(pageCount(pdfFile));
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(1000);
  });

  it('has as many pages as its content needs, numbered "Page n of m"', async () => {
    const small = write('small.pdf', await renderSheetPdf(syntheticSheet({ items: 3, issues: 2, targets: 2 })));
    const large = write('large.pdf', await renderSheetPdf(syntheticSheet({ items: 300, issues: 60, targets: 40 })));
    expect(pageCount(small)).toBeLessThanOrEqual(2);
    // 300 inventory rows alone are about 5 pages of 14-point rows.
    expect(pageCount(large)).toBeGreaterThanOrEqual(pageCount(small) + 5);
    expect(pageCount(large)).toBeLessThanOrEqual(14);
    const n = pageCount(large);
    expect(pdftotext(large)).toContain(`Page ${n} of ${n}`);
  });

  it('draws names outside Latin-1 as written (embedded Unicode fonts; every script: pdf-unicode-text.test.ts)', async () => {
    const pdf = write(
      'cjk.pdf',
      await renderSheetPdf(syntheticSheet({ items: 1, issues: 1, targets: 1, siteName: '東京 Shinjuku', signerName: 'Łucja Żółć' })),
    );
    const text = pdftotext(pdf);
    expect(text).toContain('東京 Shinjuku');
    expect(text).toContain('Łucja Żółć');
    expect((await verify(pdf)).code).toBe(0);
  });

  it('is accepted by outpost verify, which prints what was signed, by whom and when', async () => {
    const { code, output } = await verify(pdfFile);
    expect(code).toBe(0);
    expect(output).toMatch(/^VALID \(key not registered: unverified signer/m);
    expect(output).toContain('Jörg Łukasiewicz');
    expect(output).toContain('(Europe/Berlin)');
    expect(output).toContain('Accepted with exceptions');
    const json = write('sheet.json', Buffer.from(JSON.stringify(sheet)));
    expect((await verify(json)).code).toBe(0);
  });

  it('is refused by outpost verify when its embedded sheet was altered', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(pdfFile));
    const attached = doc.getAttachments().find((a) => a.name === EMBEDDED_SHEET_NAME)!;
    const json = new TextDecoder().decode(attached.data).replace('New battery arrives Friday', 'New battery arrives Monday');
    doc.detach(EMBEDDED_SHEET_NAME);
    await doc.attach(new TextEncoder().encode(json), EMBEDDED_SHEET_NAME, { mimeType: 'application/json' });
    const altered = write('altered.pdf', await doc.save());
    const { code, output } = await verify(altered);
    expect(code).toBe(1);
    expect(output).toContain('INVALID: content hash mismatch');
  });

  it('is refused after one byte of the embedded file stream is changed in place', async () => {
    const bytes = Buffer.from(fs.readFileSync(pdfFile));
    const marker = bytes.indexOf('/Type /EmbeddedFile');
    expect(marker).toBeGreaterThan(0);
    const start = bytes.indexOf('stream', marker) + 'stream\n'.length;
    bytes[start + 40] = bytes[start + 40]! ^ 0x01;
    const { code, output } = await verify(write('flipped.pdf', bytes));
    expect(code).toBe(1);
    expect(output).toMatch(/INVALID: /);
  });

  it('says INVALID for a file that is missing or not a sheet', async () => {
    expect(await verify(path.join(dir, 'nope.pdf'))).toMatchObject({ code: 1, output: expect.stringContaining('INVALID: cannot read') });
    expect(await verify(write('junk.json', Buffer.from('{"a":1}')))).toMatchObject({
      code: 1,
      output: expect.stringContaining('INVALID: not a sign-off sheet'),
    });
  });
});
