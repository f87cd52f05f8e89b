import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderSheetPdf } from '../../core/signoff/pdf/sheet-pdf';
import { syntheticSheet } from '../support/synthetic-sheet';
import { tempDataDir } from '../support/temp-core';
import { openClockedCore, smallDeployment, type ClockedCore } from './closeout-fixture';

/**
 * Text in every script a site's people write comes back out of both PDFs with pdftotext (poppler),
 * read through the ToUnicode maps of the embedded font subsets.
 *
 * What is asserted for right-to-left text: pdftotext writes a right-to-left run in logical order
 * (the order it was typed) between the embedding marks U+202B and U+202C; the marks are removed
 * before comparing, so "تم التوقيع" must come back as exactly that string, letter for letter (its
 * letters are drawn in their joined forms, right to left).
 */
const SAMPLES: Record<string, string> = {
  polish: 'Zażółć gęślą jaźń Łódź',
  czech: 'Příliš žluťoučký kůň úpěl ďábelské ódy',
  turkish: 'Işık İstanbul ğüşöç',
  greek: 'Ελληνικά Αθήνα',
  cyrillic: 'Привет Москва Київ',
  chinese: '东京新宿 北京',
  japanese: 'ひらがな カタカナ 日本語',
  korean: '한국어 서울',
  arabic: 'تم التوقيع',
  hebrew: 'דיזנגוף סנטר',
  emoji: '🏬 🌊 ✅',
};

const dir = tempDataDir('outpost-pdf-unicode');
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function readBack(name: string, bytes: Uint8Array, layout = false): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }).replace(BIDI_MARKS, '');
}

let c: ClockedCore | undefined;
afterAll(() => {
  c?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PDF text in every script', { timeout: 120_000 }, () => {
  it('sign-off PDF: site name, signer and reason in each script read back with pdftotext', async () => {
    for (const [script, sample] of Object.entries(SAMPLES)) {
      const pdf = await renderSheetPdf(
        syntheticSheet({ items: 1, issues: 1, targets: 1, siteName: `${sample} site`, signerName: sample, reason: `Reason: ${sample}` }),
      );
      const text = readBack(`sheet-${script}.pdf`, pdf);
      expect(text, script).toContain(sample);
      expect(text, script).not.toContain('\ufffd');
    }
  });

  it('sign-off PDF: the remark of the report ("Signed after walk-through ✅ — تم التوقيع") keeps every character', async () => {
    const remark = 'Signed after walk-through ✅ — تم التوقيع';
    const text = readBack('remark.pdf', await renderSheetPdf(syntheticSheet({ items: 1, issues: 1, targets: 1, reason: remark })));
    expect(text).toContain('Signed after walk-through ✅ —');
    expect(text).toContain('تم التوقيع');
    expect(text).not.toContain('?');
  });

  it('close-out PDF: site and wave names in each script read back with pdftotext', async () => {
    c = openClockedCore();
    const d = smallDeployment(c);
    c.call('waves.update', { waveId: d.wave1.id, name: 'Wave 2 🌊 موجة' });
    for (const [script, sample] of Object.entries(SAMPLES)) {
      c.call('sites.create', {
        deploymentId: d.deploymentId,
        waveId: d.wave1.id,
        code: `U-${script.slice(0, 6).toUpperCase()}`,
        name: sample,
      });
    }
    c.call('sites.create', { deploymentId: d.deploymentId, waveId: d.wave1.id, code: 'TLV-01', name: 'דיזנגוף סנטר 🏬 Dizengoff' });
    const file = await c.callAsync('closeout.exportPdf', { deploymentId: d.deploymentId });
    const text = readBack('closeout.pdf', Buffer.from(file.base64, 'base64'));
    // The site table's name column is narrow: a name wraps there, so each word is looked for.
    for (const [script, sample] of Object.entries(SAMPLES)) for (const word of sample.split(' ')) expect(text, script).toContain(word);
    for (const word of ['Wave', '2', '🌊', 'موجة', 'דיזנגוף', 'סנטר', '🏬', 'Dizengoff']) expect(text).toContain(word);
    expect(text).not.toContain('\ufffd');
  });

  it('a character no embedded font has is drawn as a visible "\ufffd", never dropped', async () => {
    const text = readBack(
      'missing.pdf',
      await renderSheetPdf(syntheticSheet({ items: 1, issues: 1, targets: 1, reason: 'Cuneiform \u{12000} here' })),
    );
    expect(text).toContain('Cuneiform \ufffd here');
  });
});

describe('long text in the sign-off PDF', { timeout: 60_000 }, () => {
  /** Numbered words, so the read-back can prove every word came out, once and in order. */
  const words = (prefix: string, chars: number) => {
    const out: string[] = [];
    for (let i = 1; out.join(' ').length < chars; i++) out.push(`${prefix}${String(i).padStart(4, '0')}`);
    return out;
  };

  it('a 3,000-character exception reason and decision reason wrap across lines and pages and read back whole', async () => {
    const exception = words('ex', 3000);
    const decision = words('dr', 3000);
    expect(exception.join(' ').length).toBeGreaterThanOrEqual(3000);
    const sheet = syntheticSheet({ items: 40, issues: 10, targets: 2, exceptionReason: exception.join(' '), reason: decision.join(' ') });
    const text = readBack('long.pdf', await renderSheetPdf(sheet));
    const found = (prefix: string) => text.match(new RegExp(`${prefix}\\d{4}`, 'g')) ?? [];
    // Two issues of ten are accepted exceptions (every fifth): the reason appears whole for each.
    expect(found('ex')).toEqual([...exception, ...exception]);
    expect(found('dr')).toEqual(decision);
  });
});
