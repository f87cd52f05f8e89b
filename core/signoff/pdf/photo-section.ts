import { degrees, rgb, type PDFImage } from '@cantoo/pdf-lib';
import type { ReviewPhoto, SignedSheet } from '../../../shared/domain/signoff';
import { readJpegOrientation } from '../../../shared/photo/image-metadata';
import type { PdfWriter } from './pdf-writer';
import { sheetText } from './sheet-text';

/** The bytes of a stored photo, checked against its hash; null when this device does not hold it intact. */
export type PhotoBytes = (sha256: string) => Uint8Array | null;

const GREY = rgb(0.4, 0.4, 0.4);
const GAP = 14;
const BOX_HEIGHT = 210;
const CAPTION = 8;

/** Why a photo is named but not drawn: a key of the owner catalog's `pdf.photos`. */
type Missing = 'notOnDevice' | 'unreadable' | 'webp';
type Embedded = { image: PDFImage; turns: 0 | 1 | 2 | 3 } | { missing: Missing };

/** JPEG and PNG go into the PDF as they are stored (no second compression); anything else is named, not drawn. */
async function embed(w: PdfWriter, photo: ReviewPhoto, photoBytes: PhotoBytes): Promise<Embedded> {
  const bytes = photoBytes(photo.sha256);
  if (!bytes) return { missing: 'notOnDevice' };
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      // A JPEG stored with an orientation tag (kept by the metadata strip) is turned as a viewer would.
      const turns = ({ 3: 2, 6: 1, 8: 3 } as const)[readJpegOrientation(bytes) as 3 | 6 | 8] ?? 0;
      return { image: await w.doc.embedJpg(bytes), turns };
    }
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return { image: await w.doc.embedPng(bytes), turns: 0 };
  } catch {
    return { missing: 'unreadable' };
  }
  return { missing: 'webp' };
}

/** Draws the image upright inside a box, as large as fits, centred; `turns` quarter turns clockwise. */
function drawFitted(
  w: PdfWriter,
  { image, turns }: { image: PDFImage; turns: 0 | 1 | 2 | 3 },
  x: number,
  top: number,
  boxWidth: number,
): void {
  const sideways = turns % 2 === 1;
  const shownW = sideways ? image.height : image.width;
  const shownH = sideways ? image.width : image.height;
  const scale = Math.min(boxWidth / shownW, BOX_HEIGHT / shownH, 1.5);
  const dw = shownW * scale;
  const dh = shownH * scale;
  const left = x + (boxWidth - dw) / 2;
  const bottom = top - BOX_HEIGHT + (BOX_HEIGHT - dh) / 2;
  const iw = image.width * scale;
  const ih = image.height * scale;
  // pdf-lib turns an image about its lower-left corner, so that corner moves with the turn.
  const origin = [
    { x: left, y: bottom },
    { x: left, y: bottom + dh },
    { x: left + dw, y: bottom + dh },
    { x: left + dw, y: bottom },
  ][turns]!;
  w.page.drawImage(image, { x: origin.x, y: origin.y, width: iw, height: ih, rotate: degrees(-90 * turns) });
  w.page.drawRectangle({ x, y: top - BOX_HEIGHT, width: boxWidth, height: BOX_HEIGHT, borderColor: rgb(0.8, 0.8, 0.8), borderWidth: 0.5 });
}

/**
 * The photo evidence the sheet signed, two to a row: each image with what it shows and its SHA-256,
 * so a reader can match the picture to the hash in the attached sheet. On its own pages at the end.
 */
export async function photoSection(w: PdfWriter, sheet: SignedSheet, photoBytes: PhotoBytes): Promise<void> {
  const photos = sheet.content.review.photos;
  if (!photos || photos.length === 0) return;
  const t = sheetText(sheet);
  w.newPage();
  w.heading(t('pdf.photos.heading', { n: photos.length }), 11);
  w.paragraph(t('pdf.photos.intro'), 8, { color: GREY });
  const boxWidth = (w.width - GAP) / 2;
  const embedded = new Map<string, Promise<Embedded>>(); // the same photo on two items is embedded once
  const embedOnce = (photo: ReviewPhoto) =>
    embedded.get(photo.sha256) ?? embedded.set(photo.sha256, embed(w, photo, photoBytes)).get(photo.sha256)!;
  for (let i = 0; i < photos.length; i += 2) {
    const row = photos.slice(i, i + 2);
    const captions = row.map((p) => [
      ...w.wrap(p.subject, boxWidth, CAPTION, true).map((text) => ({ text, bold: true })),
      ...w.wrap(`SHA-256 ${p.sha256}`, boxWidth, CAPTION).map((text) => ({ text, bold: false })),
    ]);
    const captionHeight = Math.max(...captions.map((c) => c.length)) * (CAPTION + 3);
    w.ensure(BOX_HEIGHT + captionHeight + GAP + 8);
    w.y -= 8;
    const top = w.y;
    for (const [k, photo] of row.entries()) {
      const x = w.left + k * (boxWidth + GAP);
      const picture = await embedOnce(photo);
      if ('image' in picture) drawFitted(w, picture, x, top, boxWidth);
      else {
        w.page.drawRectangle({ x, y: top - BOX_HEIGHT, width: boxWidth, height: BOX_HEIGHT, borderColor: GREY, borderWidth: 0.5 });
        w.draw(t(`pdf.photos.${picture.missing}`), x + 8, top - BOX_HEIGHT / 2, CAPTION, { color: GREY });
      }
      captions[k]!.forEach((line, n) =>
        w.draw(line.text, x, top - BOX_HEIGHT - (n + 1) * (CAPTION + 3), CAPTION, {
          bold: line.bold,
          ...(line.bold ? {} : { color: GREY }),
        }),
      );
    }
    w.y = top - BOX_HEIGHT - captionHeight - GAP;
  }
}
