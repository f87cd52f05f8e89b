import { PDFDocument } from '@cantoo/pdf-lib';
import { EMBEDDED_SHEET_NAME } from './sheet-pdf';

export type EmbeddedSheet = { ok: true; json: unknown } | { ok: false; reason: string };

/** The sheet JSON attached to a sign-off PDF. */
export async function readEmbeddedSheet(pdf: Uint8Array): Promise<EmbeddedSheet> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    return { ok: false, reason: `not a readable PDF (${(error as Error).message})` };
  }
  let attachment;
  try {
    attachment = doc.getAttachments().find((a) => a.name === EMBEDDED_SHEET_NAME);
  } catch (error) {
    return { ok: false, reason: `the embedded sheet cannot be read (${(error as Error).message})` };
  }
  if (!attachment) return { ok: false, reason: `the PDF has no embedded ${EMBEDDED_SHEET_NAME}` };
  try {
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(attachment.data)) };
  } catch (error) {
    return { ok: false, reason: `the embedded sheet is not valid JSON (${(error as Error).message})` };
  }
}
