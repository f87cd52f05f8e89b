import { rgb } from '@cantoo/pdf-lib';
import QRCode from 'qrcode';
import type { SignedSheet } from '../../../shared/domain/signoff';
import { LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import { reviewPdfSection } from '../../closeout/pdf/review-section';
import { headerSection, summarySections } from './pdf-sections';
import { photoSection, type PhotoBytes } from './photo-section';
import { PdfWriter } from './pdf-writer';
import { sheetText } from './sheet-text';
import { formatInZone } from './zoned-time';

export const EMBEDDED_SHEET_NAME = 'outpost-signoff-sheet.json';

function drawQr(w: PdfWriter, text: string, x: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const origin = { x: x + 4 * cell, y: top - 4 * cell };
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col))
        w.page.drawRectangle({ x: origin.x + col * cell, y: origin.y - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

function decisionSection(w: PdfWriter, sheet: SignedSheet): void {
  const c = sheet.content;
  const t = sheetText(sheet);
  w.heading(t('pdf.decisionAndSignature'), 11);
  w.fields([
    [t('pdf.decision'), t(`signoff.decision.${c.decision}`)],
    [t('pdf.reason'), c.reason || '-'],
    [t('pdf.signer'), c.signer.name],
    [t('pdf.role'), c.signer.role],
    [t('pdf.email'), c.signer.email ?? '-'],
    [t('pdf.signed'), formatInZone(c.signedAt, c.signerTimeZone)],
    [t('pdf.signedUtc'), c.signedAt],
    [t('pdf.device'), c.deviceId],
    [t('pdf.language'), LANGUAGE_NAMES[c.language ?? 'en']],
  ]);
  w.y -= 4;
  // The statement exactly as the signer read it (the signed content records it and its language), on one page.
  const statement = t('pdf.statement', { statement: c.statement });
  w.ensure(12 * w.wrap(statement, w.width, 9).length + 4);
  w.paragraph(statement, 9);
}

async function signatureAndHash(w: PdfWriter, sheet: SignedSheet): Promise<void> {
  const t = sheetText(sheet);
  const boxHeight = 130;
  w.ensure(boxHeight + 20);
  w.y -= 10;
  const top = w.y;
  const image = await w.doc.embedPng(Buffer.from(sheet.content.signatureImage.base64, 'base64'));
  const scale = Math.min(300 / image.width, 100 / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  w.page.drawRectangle({ x: w.left, y: top - 110, width: 310, height: 110, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.6 });
  w.page.drawImage(image, { x: w.left + 5, y: top - 105 + (100 - height) / 2, width, height });
  w.draw(t('pdf.drawnSignature'), w.left, top - 122, 8, { color: rgb(0.4, 0.4, 0.4) });
  drawQr(w, `sha256:${sheet.hash.value}`, w.left + w.width - 120, top, 120);
  w.y = top - boxHeight;
  w.heading(t('pdf.integrity'), 11);
  w.fields([
    [t('pdf.contentSha256'), sheet.hash.value],
    [t('pdf.deviceSignature'), `Ed25519, ${sheet.signature.value.slice(0, 44)}…`],
    [t('pdf.publicKey'), sheet.publicKey.fingerprint],
  ]);
  w.paragraph(t('pdf.attachedNote', { file: EMBEDDED_SHEET_NAME }), 8, { color: rgb(0.4, 0.4, 0.4) });
}

/**
 * The sheet as a PDF a person can file; the signed JSON is attached so the PDF alone can be verified.
 * `photoBytes` gives the stored photos the sheet names (review.photos), drawn on the last pages.
 */
export async function renderSheetPdf(sheet: SignedSheet, photoBytes: PhotoBytes = () => null): Promise<Uint8Array> {
  const c = sheet.content;
  const t = sheetText(sheet);
  const kind = t(`signoff.kind.${c.review.kind}`);
  const w = await PdfWriter.create();
  w.emptyText = t('review.none');
  const where = c.review.site
    ? `${c.review.site.code} ${c.review.site.name}`
    : `${c.review.deployment.name} ${c.review.deployment.version}`;
  w.heading(t('pdf.title', { kind }), 16);
  w.paragraph(where, 11, { bold: true });
  w.y -= 4;
  headerSection(w, sheet);
  summarySections(w, sheet);
  const pdr = c.review.postDeploymentReview;
  if (pdr) reviewPdfSection(w, pdr, pdr.measures, 11);
  decisionSection(w, sheet);
  await signatureAndHash(w, sheet);
  await photoSection(w, sheet, photoBytes);
  w.footers(t('pdf.footer', { where, hash: sheet.hash.value.slice(0, 16) }), (page, pages) => t('pdf.page', { page, pages }));
  const signedAt = new Date(c.signedAt);
  await w.doc.attach(new TextEncoder().encode(JSON.stringify(sheet, null, 1)), EMBEDDED_SHEET_NAME, {
    mimeType: 'application/json',
    description: 'Outpost sign-off sheet (signed content, SHA-256, Ed25519 signature, public key)',
    creationDate: signedAt,
    modificationDate: signedAt,
  });
  w.doc.setTitle(t('pdf.documentTitle', { kind, where }));
  w.doc.setAuthor(c.signer.name);
  w.doc.setProducer('Outpost');
  w.doc.setCreationDate(signedAt);
  w.doc.setModificationDate(signedAt);
  return w.doc.save();
}
