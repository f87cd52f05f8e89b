import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { toWinAnsi } from './win-ansi';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const FOOTER = 28;
const GREY = rgb(0.4, 0.4, 0.4);
const LINE = rgb(0.8, 0.8, 0.8);

export interface Column {
  title: string;
  /** Share of the usable width. */
  width: number;
}

/** A top-down page writer: headings, wrapped text, tables that continue on new pages, a page footer. */
export class PdfWriter {
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN;

  private constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
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

  /** Cuts text to fit a width, ending in "…". */
  fit(text: string, width: number, size: number, font = this.font): string {
    let t = toWinAnsi(text);
    if (font.widthOfTextAtSize(t, size) <= width) return t;
    while (t.length > 0 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
    return `${t}…`;
  }

  /** Splits text into lines no wider than `width`. */
  wrap(text: string, width: number, size: number, font = this.font): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of toWinAnsi(text).split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines.map((l) => this.fit(l, width, size, font));
  }

  heading(text: string, size = 12): void {
    this.ensure(size + 24);
    this.y -= size + 8;
    this.page.drawText(this.fit(text, this.width, size, this.bold), { x: MARGIN, y: this.y, size, font: this.bold });
    this.y -= 6;
  }

  paragraph(text: string, size = 9, options: { bold?: boolean; color?: ReturnType<typeof rgb> } = {}): void {
    const font = options.bold ? this.bold : this.font;
    for (const line of this.wrap(text, this.width, size, font)) {
      this.ensure(size + 4);
      this.y -= size + 3;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: options.color ?? rgb(0, 0, 0) });
    }
  }

  /** Label: value pairs in two columns. */
  fields(pairs: readonly [string, string][], size = 9): void {
    for (const [label, value] of pairs) {
      const lines = this.wrap(value || '-', this.width * 0.72, size);
      this.ensure((size + 3) * lines.length + 2);
      this.y -= size + 3;
      this.page.drawText(this.fit(label, this.width * 0.26, size, this.bold), { x: MARGIN, y: this.y, size, font: this.bold });
      lines.forEach((line, i) => {
        if (i > 0) this.y -= size + 3;
        this.page.drawText(line, { x: MARGIN + this.width * 0.28, y: this.y, size, font: this.font });
      });
    }
  }

  /** A table whose header repeats on every page it spans; "none" when empty. */
  table(columns: readonly Column[], rows: readonly string[][], size = 8): void {
    const rowHeight = size + 6;
    const xs = columns.reduce<number[]>((acc, _c, i) => [...acc, i === 0 ? MARGIN : acc[i - 1]! + columns[i - 1]!.width * this.width], []);
    const header = () => {
      this.y -= rowHeight;
      columns.forEach((c, i) => this.page.drawText(this.fit(c.title, c.width * this.width - 4, size, this.bold), { x: xs[i]!, y: this.y + 4, size, font: this.bold }));
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 1 }, end: { x: MARGIN + this.width, y: this.y + 1 }, thickness: 0.6, color: GREY });
    };
    this.ensure(rowHeight * 2);
    header();
    if (rows.length === 0) {
      this.paragraph('none', size, { color: GREY });
      return;
    }
    for (const row of rows) {
      if (this.y - rowHeight < MARGIN + FOOTER) {
        this.newPage();
        header();
      }
      this.y -= rowHeight;
      row.forEach((cell, i) => this.page.drawText(this.fit(cell, columns[i]!.width * this.width - 4, size), { x: xs[i]!, y: this.y + 4, size, font: this.font }));
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 1 }, end: { x: MARGIN + this.width, y: this.y + 1 }, thickness: 0.3, color: LINE });
    }
  }

  /** "Page n of m" and a short label on every page; call once, after the last page. */
  footers(label: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = `Page ${i + 1} of ${pages.length}`;
      const size = 8;
      page.drawText(this.fit(label, this.width - 80, size), { x: MARGIN, y: MARGIN - 12, size, font: this.font, color: GREY });
      page.drawText(text, { x: A4[0] - MARGIN - this.font.widthOfTextAtSize(text, size), y: MARGIN - 12, size, font: this.font, color: GREY });
    });
  }
}
