import { PDFDocument, rgb, type Color, type PDFPage } from '@cantoo/pdf-lib';
import { UnicodeText, type Direction } from '../../pdf-text/unicode-text';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const FOOTER = 28;
const GREY = rgb(0.4, 0.4, 0.4);
const LINE = rgb(0.8, 0.8, 0.8);
const BLACK = rgb(0, 0, 0);

export interface Column {
  title: string;
  /** Share of the usable width. */
  width: number;
}

/**
 * A top-down page writer: headings, wrapped text, tables that continue on new pages, a page footer.
 * Text is drawn with embedded Unicode fonts (core/pdf-text) and wraps, never cut short: a long cell
 * grows its row, and a row taller than what is left of the page continues on the next one.
 */
export class PdfWriter {
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN;

  private constructor(
    readonly doc: PDFDocument,
    readonly text: UnicodeText,
  ) {
    this.newPage();
  }

  static async create(): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    return new PdfWriter(doc, await UnicodeText.embed(doc));
  }

  get left() {
    return MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  /** Cuts text to fit a width, ending in "…"; only for the page footer, whose text the page shows in full. */
  private fit(text: string, width: number, size: number): string {
    if (this.text.width(text, size) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.text.width(`${chars.join('')}…`, size) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  /** Splits text into lines no wider than `width`. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    return this.text.wrap(text, width, size, bold);
  }

  /** Draws one line of text at a point; `direction` is that of the paragraph the line was wrapped from. */
  draw(line: string, x: number, y: number, size: number, options: { bold?: boolean; color?: Color; direction?: Direction } = {}): void {
    this.text.draw(this.page, line, { x, y, size, bold: options.bold, color: options.color ?? BLACK, direction: options.direction });
  }

  heading(text: string, size = 12): void {
    const lines = this.wrap(text, this.width, size, true);
    this.ensure(size + 24);
    lines.forEach((line, i) => {
      if (i > 0) this.ensure(size + 4);
      this.y -= size + (i === 0 ? 8 : 3);
      this.draw(line, MARGIN, this.y, size, { bold: true });
    });
    this.y -= 6;
  }

  paragraph(text: string, size = 9, options: { bold?: boolean; color?: Color } = {}): void {
    const direction = UnicodeText.direction(text);
    for (const line of this.wrap(text, this.width, size, options.bold)) {
      this.ensure(size + 4);
      this.y -= size + 3;
      this.draw(line, MARGIN, this.y, size, { ...options, direction });
    }
  }

  /** Label: value pairs in two columns; both wrap, and a long value continues on the next page. */
  fields(pairs: readonly [string, string][], size = 9): void {
    for (const [label, value] of pairs) {
      const labels = this.wrap(label, this.width * 0.26, size, true);
      const values = this.wrap(value || '-', this.width * 0.72, size);
      const direction = UnicodeText.direction(value);
      this.ensure((size + 3) * Math.min(Math.max(labels.length, values.length), 4) + 2);
      for (let i = 0; i < Math.max(labels.length, values.length); i++) {
        this.ensure(size + 4);
        this.y -= size + 3;
        if (labels[i]) this.draw(labels[i]!, MARGIN, this.y, size, { bold: true });
        if (values[i]) this.draw(values[i]!, MARGIN + this.width * 0.28, this.y, size, { direction });
      }
    }
  }

  /** What an empty table says ("none"); a document in another language sets its own word. */
  emptyText = 'none';

  /** A table whose header repeats on every page it spans; `emptyText` when empty. Cells wrap. */
  table(columns: readonly Column[], rows: readonly string[][], size = 8): void {
    const lineHeight = size + 3;
    const xs = columns.reduce<number[]>((acc, _c, i) => [...acc, i === 0 ? MARGIN : acc[i - 1]! + columns[i - 1]!.width * this.width], []);
    const header = () => {
      const titles = columns.map((c) => this.wrap(c.title, c.width * this.width - 4, size, true));
      const height = Math.max(1, ...titles.map((t) => t.length));
      for (let line = 0; line < height; line++) {
        this.y -= lineHeight;
        titles.forEach((t, i) => t[line] && this.draw(t[line]!, xs[i]!, this.y, size, { bold: true }));
      }
      this.y -= 3;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 1 },
        end: { x: MARGIN + this.width, y: this.y + 1 },
        thickness: 0.6,
        color: GREY,
      });
    };
    const bottom = MARGIN + FOOTER;
    this.ensure(lineHeight * 3 + 6);
    header();
    if (rows.length === 0) {
      this.paragraph(this.emptyText, size, { color: GREY });
      return;
    }
    for (const row of rows) {
      const cells = row.map((cell, i) => this.wrap(cell, columns[i]!.width * this.width - 4, size));
      const directions = row.map((cell) => UnicodeText.direction(cell));
      const height = Math.max(1, ...cells.map((c) => c.length));
      // A row that fits on a page starts on a new one rather than being split.
      if (this.y - height * lineHeight - 3 < bottom && height * lineHeight < A4[1] / 2) {
        this.newPage();
        header();
      }
      for (let line = 0; line < height; line++) {
        if (this.y - lineHeight < bottom) {
          this.newPage();
          header();
        }
        this.y -= lineHeight;
        cells.forEach((c, i) => c[line] && this.draw(c[line]!, xs[i]!, this.y, size, { direction: directions[i] }));
      }
      this.y -= 3;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 1 },
        end: { x: MARGIN + this.width, y: this.y + 1 },
        thickness: 0.3,
        color: LINE,
      });
    }
  }

  /** "Page n of m" (or `pageLabel`'s words for it) and a short label on every page; call once, after the last page. */
  footers(label: string, pageLabel: (page: number, pages: number) => string = (page, pages) => `Page ${page} of ${pages}`): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = pageLabel(i + 1, pages.length);
      const size = 8;
      this.text.draw(page, this.fit(label, this.width - 80, size), { x: MARGIN, y: MARGIN - 12, size, color: GREY });
      this.text.draw(page, text, { x: A4[0] - MARGIN - this.text.width(text, size), y: MARGIN - 12, size, color: GREY });
    });
  }
}
