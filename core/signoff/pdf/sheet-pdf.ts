import { rgb } from '@cantoo/pdf-lib';
import QRCode from 'qrcode';
import { SIGN_OFF_DECISION_LABELS, SIGN_OFF_KIND_LABELS, type SignedSheet } from '../../../shared/domain/signoff';
import { reviewPdfSection } from '../../closeout/pdf/review-section';
import { headerSection, summarySections } from './pdf-sections';
import { photoSection, type PhotoBytes } from './photo-section';
import { PdfWriter } from './pdf-writer';
import { formatInZone } from './zoned-time';

export const EMBEDDED_SHEET_NAME = 'outpost-signoff-sheet.json';

function drawQr(w: PdfWriter, text: string, x: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const origin = { x: x + 4 * cell, y: top - 4 * cell };
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) w.page.drawRectangle({ x: origin.x + col * cell, y: origin.y - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

function decisionSection(w: PdfWriter, sheet: SignedSheet): void {
  const c = sheet.content;
  w.heading('Decision and signature', 11);
  w.fields([
    ['Decision', SIGN_OFF_DECISION_LABELS[c.decision]],
    ['Reason', c.reason || '-'],
    ['Signer', c.signer.name],
    ['Role', c.signer.role],
    ['E-mail', c.signer.email ?? '-'],
    ['Signed', formatInZone(c.signedAt, c.signerTimeZone)],
    ['Signed (UTC)', c.signedAt],
    ['Device', c.deviceId],
  ]);
  w.y -= 4;
  w.paragraph(`Statement: ${c.statement}`, 9);
}

async function signatureAndHash(w: PdfWriter, sheet: SignedSheet): Promise<void> {
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
  w.draw('Drawn signature', w.left, top - 122, 8, { color: rgb(0.4, 0.4, 0.4) });
  drawQr(w, `sha256:${sheet.hash.value}`, w.left + w.width - 120, top, 120);
  w.y = top - boxHeight;
  w.heading('Integrity', 11);
  w.fields([
    ['Content SHA-256', sheet.hash.value],
    ['Device signature', `Ed25519, ${sheet.signature.value.slice(0, 44)}…`],
    ['Public key', sheet.publicKey.fingerprint],
  ]);
  w.paragraph(
    `The machine-readable sheet is attached to this PDF as ${EMBEDDED_SHEET_NAME}. Check it with: outpost verify <this file>`,
    8,
    { color: rgb(0.4, 0.4, 0.4) },
  );
}

/**
 * The sheet as a PDF a person can file; the signed JSON is attached so the PDF alone can be verified.
 * `photoBytes` gives the stored photos the sheet names (review.photos), drawn on the last pages.
 */
export async function renderSheetPdf(sheet: SignedSheet, photoBytes: PhotoBytes = () => null): Promise<Uint8Array> {
  const c = sheet.content;
  const w = await PdfWriter.create();
  const where = c.review.site ? `${c.review.site.code} ${c.review.site.name}` : `${c.review.deployment.name} ${c.review.deployment.version}`;
  w.heading(`Sign-off: ${SIGN_OFF_KIND_LABELS[c.review.kind]}`, 16);
  w.paragraph(where, 11, { bold: true });
  w.y -= 4;
  headerSection(w, sheet);
  summarySections(w, sheet);
  const pdr = c.review.postDeploymentReview;
  if (pdr) reviewPdfSection(w, pdr, pdr.measures, 11);
  decisionSection(w, sheet);
  await signatureAndHash(w, sheet);
  await photoSection(w, sheet, photoBytes);
  w.footers(`Outpost sign-off - ${where} - SHA-256 ${sheet.hash.value.slice(0, 16)}`);
  const signedAt = new Date(c.signedAt);
  await w.doc.attach(new TextEncoder().encode(JSON.stringify(sheet, null, 1)), EMBEDDED_SHEET_NAME, {
    mimeType: 'application/json',
    description: 'Outpost sign-off sheet (signed content, SHA-256, Ed25519 signature, public key)',
    creationDate: signedAt,
    modificationDate: signedAt,
  });
  w.doc.setTitle(`Sign-off ${SIGN_OFF_KIND_LABELS[c.review.kind]} - ${where}`);
  w.doc.setAuthor(c.signer.name);
  w.doc.setProducer('Outpost');
  w.doc.setCreationDate(signedAt);
  w.doc.setModificationDate(signedAt);
  return w.doc.save();
}
