import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { MISSING_GLYPH, UnicodeText } from './unicode-text';

async function text() {
  return UnicodeText.embed(await PDFDocument.create());
}

describe('Unicode text runs', () => {
  it('picks a face per script and keeps neutral characters with the text around them', async () => {
    const t = await text();
    expect(t.runs('Łódź Ωμέγα Привет').map((r) => r.family)).toEqual(['latin']);
    expect(t.runs('東京 서울 🌊').map((r) => [r.family, r.text])).toEqual([
      ['cjk', '東京 '],
      ['korean', '서울 '],
      ['emoji', '🌊'],
    ]);
  });

  it('orders right-to-left text visually and gives fontkit each Arabic or Hebrew run in logical order', async () => {
    const t = await text();
    // An LTR line: the Arabic run sits right of "Signed" and is handed over as typed (fontkit reverses it).
    expect(t.runs('Signed تم التوقيع').map((r) => [r.family, r.text])).toEqual([
      ['latin', 'Signed '],
      ['arabic', 'تم التوقيع'],
    ]);
    // An RTL line: the Latin word is drawn first (leftmost), the Hebrew run after it.
    expect(t.runs('סנטר Dizengoff').map((r) => [r.family, r.text])).toEqual([
      ['latin', 'Dizengoff'],
      ['hebrew', 'סנטר '],
    ]);
    // A wrapped line keeps its paragraph's direction: in a right-to-left paragraph, a line that starts
    // with a Latin word is laid out right to left, so the Hebrew that follows the Latin word is drawn left of it.
    expect(t.runs('Dizengoff סנטר').map((r) => r.family)).toEqual(['latin', 'hebrew']);
    expect(t.runs('Dizengoff סנטר', false, 'rtl').map((r) => [r.family, r.text])).toEqual([
      ['hebrew', 'סנטר'],
      ['latin', ' '],
      ['latin', 'Dizengoff'],
    ]);
  });

  it('drops characters that draw nothing and marks what no face has', async () => {
    const t = await text();
    expect(
      t
        .runs('✅\ufe0f ok')
        .map((r) => r.text)
        .join(''),
    ).toBe('✅ ok');
    expect(
      t
        .runs('a\u{12000}b')
        .map((r) => r.text)
        .join(''),
    ).toBe(`a${MISSING_GLYPH}b`);
    expect(
      t
        .runs('line\nbreak')
        .map((r) => r.text)
        .join(''),
    ).toBe('line break');
  });

  it('wraps at spaces, breaks a word only when it alone is too wide, and keeps every character', async () => {
    const t = await text();
    const long = `${'word '.repeat(40)}${'X'.repeat(200)} 東京新宿北京東京新宿北京東京新宿北京東京新宿北京東京新宿北京`;
    const lines = t.wrap(long, 200, 9);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(t.width(line, 9)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/ /g, '')).toBe(long.replace(/ /g, ''));
  });
});
