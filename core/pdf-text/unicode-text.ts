import fontkit, { type Font } from '@cantoo/fontkit';
import { type PDFDocument, type Color, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import bidiFactory from 'bidi-js';
import { FONT_FACES, fontBytes, type FontFace, type FontFamily } from './font-files';

const bidi = bidiFactory();

/** Drawn for a character no embedded face has (an emoji Noto Emoji lacks, a rare script). */
export const MISSING_GLYPH = '\uFFFD';

/** Characters that steer layout but draw nothing (variation selectors, joiners, bidi controls). */
const IGNORABLE = /[\u00ad\u034f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff]|[\u{e0000}-\u{e0fff}]/u;
const LETTER = /\p{L}/u;
/** Line breaks, tabs and other control characters lay out as a space. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export type Direction = 'ltr' | 'rtl';

/** One face's embedded font and, for coverage, its parsed tables. */
interface EmbeddedFace {
  face: FontFace;
  pdf: PDFFont;
  kit: Font;
}

/** A piece of a line drawn with one font; `text` is in the order the font's shaper wants it. */
export interface TextRun {
  text: string;
  font: PDFFont;
  family: FontFamily;
  /** The face's parsed tables, for measuring. */
  kit?: Font;
}

const kits = new Map<FontFace, Font>();
function kitOf(face: FontFace): Font {
  let kit = kits.get(face);
  if (!kit) {
    kit = fontkit.create(fontBytes(face)) as Font;
    kits.set(face, kit);
  }
  return kit;
}

/** Letters of the scripts fontkit lays out right to left (it reverses their glyphs itself). */
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}]|[\u{1e800}-\u{1efff}]/u;

const advanceCache = new Map<Font, Map<number, number>>();
/** Width at size 1000 as the sum of each character's advance. */
function advances(kit: Font, text: string): number {
  let known = advanceCache.get(kit);
  if (!known) advanceCache.set(kit, (known = new Map()));
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let advance = known.get(cp);
    if (advance === undefined) known.set(cp, (advance = kit.glyphForCodePoint(cp)?.advanceWidth ?? 0));
    units += advance;
  }
  return (units * 1000) / kit.unitsPerEm;
}

const covers = new Map<Font, Map<number, boolean>>();
function hasGlyph(kit: Font, cp: number): boolean {
  let known = covers.get(kit);
  if (!known) covers.set(kit, (known = new Map()));
  let has = known.get(cp);
  if (has === undefined) known.set(cp, (has = kit.hasGlyphForCodePoint(cp)));
  return has;
}

/**
 * pdf-lib draws glyphs at their advance widths and ignores fontkit's positioning (GPOS), so those
 * features are switched off: the same glyphs, at a fraction of the layout time.
 */
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, dist: false, abvm: false, blwm: false, curs: false };

const FALLBACK_ORDER: readonly FontFamily[] = ['latin', 'hebrew', 'arabic', 'cjk', 'korean', 'emoji'];

/**
 * Unicode text for one PDF document: every face embedded as a subset (only the glyphs drawn end up
 * in the file), a face chosen per character, right-to-left runs put in visual order with the Unicode
 * bidi algorithm and shaped by fontkit (Arabic joining forms); a character no face has becomes "�".
 */
export class UnicodeText {
  /** Widths of measured runs and lines: wrapping measures the same words many times. */
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private readonly lineWidths = new Map<string, number>();

  private constructor(
    private readonly regular: EmbeddedFace[],
    private readonly bold: EmbeddedFace[],
  ) {}

  private runWidth(run: TextRun, size: number): number {
    let known = this.widths.get(run.font);
    if (!known) this.widths.set(run.font, (known = new Map()));
    let width = known.get(run.text);
    if (width === undefined) {
      // Scripts without contextual shaping: the sum of the characters' advances (what pdf-lib draws,
      // short of a ligature, which is narrower); Hebrew and Arabic through fontkit's layout.
      width = run.kit && !RTL_SCRIPT.test(run.text) ? advances(run.kit, run.text) : run.font.widthOfTextAtSize(run.text, 1000);
      known.set(run.text, width);
    }
    return (width * size) / 1000;
  }

  static async embed(doc: PDFDocument): Promise<UnicodeText> {
    doc.registerFontkit(fontkit);
    const embedded: EmbeddedFace[] = [];
    for (const face of FONT_FACES)
      embedded.push({ face, kit: kitOf(face), pdf: await doc.embedFont(fontBytes(face), { subset: true, features: NO_POSITIONING }) });
    const pick = (bold: boolean) =>
      FALLBACK_ORDER.map(
        (family) =>
          embedded.find((e) => e.face.family === family && e.face.bold === bold) ?? embedded.find((e) => e.face.family === family)!,
      );
    return new UnicodeText(pick(false), pick(true));
  }

  /** The base direction of a paragraph: that of its first strong character, else left to right. */
  static direction(text: string): Direction {
    const { paragraphs } = bidi.getEmbeddingLevels(text);
    return (paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
  }

  /** The runs of one line, left to right as drawn. */
  runs(line: string, bold = false, direction?: Direction): TextRun[] {
    const faces = bold ? this.bold : this.regular;
    // Printable ASCII left to right is one run of the Latin face (it has every such character), as
    // the general path below would find, without the bidi pass and per-character lookups: labels and
    // tables are mostly serials, codes and numbers.
    if (direction !== 'rtl' && PRINTABLE_ASCII.test(line))
      return line === '' ? [] : [{ text: line, font: faces[0]!.pdf, family: faces[0]!.face.family, kit: faces[0]!.kit }];
    const text = line.replace(CONTROL, ' ');
    const levels = bidi.getEmbeddingLevels(text, direction).levels;
    const chars: { ch: string; level: number; face: EmbeddedFace }[] = [];
    let previous: EmbeddedFace | null = null;
    let unit = 0;
    for (const ch of text) {
      const level = levels[unit]!;
      unit += ch.length;
      if (IGNORABLE.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      // Letters take the first face that has them; spaces, digits and punctuation stay in the face
      // of the text before them when it has them.
      const stay: boolean = previous !== null && previous.face.family !== 'emoji' && !LETTER.test(ch) && hasGlyph(previous.kit, cp);
      let face: EmbeddedFace | null | undefined = stay ? previous : faces.find((f) => hasGlyph(f.kit, cp));
      let drawn = ch;
      if (!face) {
        face = faces[0]!;
        drawn = MISSING_GLYPH;
      }
      previous = face;
      chars.push({ ch: drawn, level, face });
    }
    // Visual order: reverse every run of characters at or above each odd level (rule L2 of UAX #9).
    const order = chars.map((_c, i) => i);
    const maxLevel = Math.max(0, ...chars.map((c) => c.level));
    const minOdd = Math.min(...chars.map((c) => c.level).filter((l) => l % 2 === 1), maxLevel + 1);
    for (let level = maxLevel; level >= minOdd; level--) {
      for (let i = 0; i < order.length;) {
        if (chars[order[i]!]!.level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < order.length && chars[order[j]!]!.level >= level) j++;
        order.splice(i, j - i, ...order.slice(i, j).reverse());
        i = j;
      }
    }
    const runs: TextRun[] = [];
    let group: typeof chars = [];
    const flush = () => {
      if (group.length === 0) return;
      const visual = group.map((c) => c.ch).join('');
      // fontkit lays out a right-to-left script's text in reverse: give it the logical order.
      const text = RTL_SCRIPT.test(visual) ? [...visual].reverse().join('') : visual;
      runs.push({ text, font: group[0]!.face.pdf, family: group[0]!.face.face.family, kit: group[0]!.face.kit });
      group = [];
    };
    for (const i of order) {
      const c = chars[i]!;
      const last = group[group.length - 1];
      if (last && (last.face !== c.face || last.level % 2 !== c.level % 2)) flush();
      group.push(c);
    }
    flush();
    return runs;
  }

  width(line: string, size: number, bold = false, direction?: Direction): number {
    const key = `${bold ? 'b' : 'r'}${direction ?? ''}|${line}`;
    let width = this.lineWidths.get(key);
    if (width === undefined) {
      width = this.runs(line, bold, direction).reduce((sum, run) => sum + this.runWidth(run, 1000), 0);
      this.lineWidths.set(key, width);
    }
    return (width * size) / 1000;
  }

  /** Draws one line from `x` (its left edge); returns its width. */
  draw(
    page: PDFPage,
    line: string,
    options: { x: number; y: number; size: number; bold?: boolean; color?: Color; direction?: Direction },
  ): number {
    let x = options.x;
    for (const run of this.runs(line, options.bold, options.direction)) {
      page.drawText(run.text, { x, y: options.y, size: options.size, font: run.font, color: options.color });
      x += this.runWidth(run, options.size);
    }
    return x - options.x;
  }

  /**
   * Splits text into lines no wider than `width`: at spaces, and inside a word only when the word
   * alone is wider (long serials, Chinese or Japanese without spaces). Nothing is cut off.
   */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const direction = UnicodeText.direction(text);
    const measure = (s: string) => this.width(s, size, bold, direction);
    const fits = (s: string) => measure(s) <= width;
    const space = measure(' ');
    const lines: string[] = [];
    let line = '';
    // A line's width is taken as the sum of its words and spaces (each measured once).
    let lineWidth = 0;
    for (const word of text.replace(CONTROL, ' ').split(/ +/).filter(Boolean)) {
      const wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth <= width) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than the column: as many characters per line as fit.
      let piece = '';
      for (const ch of word) {
        if (piece && !fits(piece + ch)) {
          lines.push(piece);
          piece = '';
        }
        piece += ch;
      }
      line = piece;
      lineWidth = measure(piece);
    }
    if (line) lines.push(line);
    return lines;
  }
}
