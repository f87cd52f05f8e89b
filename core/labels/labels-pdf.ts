import { PDFDocument, rgb, type PDFPage } from '@cantoo/pdf-lib';
import { LABEL_LAYOUTS, labelSlots, mmToPt, type LabelLayoutId } from '../../shared/labels/label-layouts';
import { UnicodeText } from '../pdf-text/unicode-text';
import { code128, CODE128_QUIET_MODULES, qrCode, QR_QUIET_MODULES } from './barcode-modules';

/** What one label shows. */
export interface LabelContent {
  assetTag: string | null;
  serial: string;
  model: string;
  siteCode: string;
}

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const PAD_MM = 1.5;
const GAP_MM = 1;
/** Wider bars than this add nothing but width; a long serial gets narrower ones. */
const MAX_MODULE_MM = 0.5;
const PT_PER_MM = mmToPt(1);

/** A box in points with its origin at the bottom left, as PDF draws. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The dark rectangles of a page's barcodes, written as one raw content stream (`re` per rectangle,
 * one fill): thousands of pdf-lib drawRectangle calls, each with its own graphics state, took
 * seconds for a sheet.
 */
class Marks {
  private readonly parts: string[] = [];
  rect(x: number, y: number, width: number, height: number): void {
    this.parts.push(`${x.toFixed(3)} ${y.toFixed(3)} ${width.toFixed(3)} ${height.toFixed(3)} re`);
  }
  addTo(doc: PDFDocument, page: PDFPage): void {
    if (this.parts.length === 0) return;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(`q 0 g\n${this.parts.join('\n')}\nf Q\n`)));
  }
}

function drawQr(marks: Marks, text: string, box: Box): void {
  const symbol = qrCode(text);
  const side = Math.min(box.width, box.height);
  const module = side / (symbol.size + 2 * QR_QUIET_MODULES);
  const left = box.x + (box.width - side) / 2 + QR_QUIET_MODULES * module;
  const top = box.y + box.height - (box.height - side) / 2 - QR_QUIET_MODULES * module;
  for (const [column, row, run] of symbol.runs) {
    marks.rect(left + column * module, top - (row + 1) * module, run * module, module);
  }
}

function drawCode128(marks: Marks, text: string, box: Box): void {
  const symbol = code128(text);
  const module = Math.min(box.width / (symbol.modules + 2 * CODE128_QUIET_MODULES), MAX_MODULE_MM * PT_PER_MM);
  const left = box.x + (box.width - symbol.modules * module) / 2;
  for (const [start, width] of symbol.bars) {
    marks.rect(left + start * module, box.y, width * module, box.height);
  }
}

/** The text cut to `width` with an ellipsis (a label has one line for it). */
function fitted(text: UnicodeText, line: string, size: number, width: number, bold = false): string {
  if (text.width(line, size, bold) <= width) return line;
  let chars = [...line];
  while (chars.length > 1 && text.width(`${chars.join('')}…`, size, bold) > width) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

function drawCentred(page: PDFPage, text: UnicodeText, line: string, box: Box, size: number, bold = false): void {
  const shown = fitted(text, line, size, box.width, bold);
  const width = text.width(shown, size, bold);
  text.draw(page, shown, { x: box.x + (box.width - width) / 2, y: box.y, size, bold, color: bold ? BLACK : GREY });
}

/**
 * One label: two QR codes stacked on the left (asset tag above, serial below), and on the right a
 * line with the site code and model, then the asset tag and the serial each as Code 128 with its
 * text under it. A missing tag is said in words where its codes would be.
 */
function drawLabel(page: PDFPage, marks: Marks, text: UnicodeText, label: LabelContent, box: Box): void {
  const pad = PAD_MM * PT_PER_MM;
  const gap = GAP_MM * PT_PER_MM;
  const inner = { x: box.x + pad, y: box.y + pad, width: box.width - 2 * pad, height: box.height - 2 * pad };
  const qrSide = Math.min((inner.height - gap) / 2, inner.width * 0.27);
  const right = { x: inner.x + qrSide + gap, width: inner.width - qrSide - gap };
  const qrTop = inner.y + inner.height;
  if (label.assetTag) drawQr(marks, label.assetTag, { x: inner.x, y: qrTop - qrSide, width: qrSide, height: qrSide });
  if (label.serial) drawQr(marks, label.serial, { x: inner.x, y: qrTop - 2 * qrSide - gap, width: qrSide, height: qrSide });

  // Sizes follow the label's height: 25 mm gives 6 pt text and 6.5 mm bars.
  const header = Math.min(7, Math.max(5, inner.height * 0.085));
  const caption = header - 0.5;
  const lineGap = 0.6 * PT_PER_MM;
  const barHeight = Math.min(10 * PT_PER_MM, (inner.height - header - 2 * caption - 4 * lineGap) / 2);
  let y = qrTop - header;
  const title = label.model ? `${label.siteCode} · ${label.model}` : label.siteCode;
  text.draw(page, fitted(text, title, header, right.width, true), { x: right.x, y, size: header, bold: true, color: BLACK });
  for (const value of [label.assetTag, label.serial]) {
    y -= lineGap + barHeight;
    if (value) drawCode128(marks, value, { x: right.x, y, width: right.width, height: barHeight });
    else drawCentred(page, text, 'no asset tag', { x: right.x, y: y + barHeight / 2, width: right.width, height: caption }, caption);
    y -= lineGap + caption * 0.8;
    if (value) drawCentred(page, text, value, { x: right.x, y, width: right.width, height: caption }, caption);
  }
}

/** The labels as a PDF on the chosen stock; `skip` leaves the first positions of a sheet empty. */
export async function renderLabelsPdf(
  labels: readonly LabelContent[],
  layoutId: LabelLayoutId,
  options: { skip?: number; title?: string } = {},
): Promise<Uint8Array> {
  const layout = LABEL_LAYOUTS[layoutId];
  const doc = await PDFDocument.create();
  doc.setTitle(options.title ?? 'Asset labels');
  doc.setCreator('Outpost');
  const text = await UnicodeText.embed(doc);
  const pageWidth = mmToPt(layout.page.width);
  const pageHeight = mmToPt(layout.page.height);
  const pages: { page: PDFPage; marks: Marks }[] = [];
  const slots = labelSlots(layout, labels.length, options.skip ?? 0);
  slots.forEach((slot, i) => {
    while (pages.length <= slot.page) pages.push({ page: doc.addPage([pageWidth, pageHeight]), marks: new Marks() });
    const box = { x: mmToPt(slot.x), y: pageHeight - mmToPt(slot.y + slot.height), width: mmToPt(slot.width), height: mmToPt(slot.height) };
    const { page, marks } = pages[slot.page]!;
    drawLabel(page, marks, text, labels[i]!, box);
  });
  for (const { page, marks } of pages) marks.addTo(doc, page);
  if (pages.length === 0) doc.addPage([pageWidth, pageHeight]);
  return doc.save({ useObjectStreams: true });
}
