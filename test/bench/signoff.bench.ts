import { renderSheetPdf } from '../../core/signoff/pdf/sheet-pdf';
import { signContent } from '../../core/signoff/sheet-crypto';
import { deviceKey } from '../../core/signoff/device-key';
import { verifySheet } from '../../core/signoff/verify-sheet';
import { memorySecrets, syntheticSheet } from '../support/synthetic-sheet';
import { percentile, round } from './stats';

/**
 * A site sign-off PDF with 50 inventory items, 20 issues and 10 targets (median of 7 renders after
 * one warm-up; target < 1 s), and 1,000 distinct sheets verified from their JSON text (target < 2 s).
 */
export async function benchSignoff(): Promise<Record<string, number>> {
  const secrets = memorySecrets();
  const sheet = syntheticSheet({ items: 50, issues: 20, targets: 10 }, secrets);
  const coldStart = performance.now();
  await renderSheetPdf(sheet);
  const cold = performance.now() - coldStart;
  const renders: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const bytes = await renderSheetPdf(sheet);
    renders.push(performance.now() - start);
    if (bytes.length < 1000) throw new Error('the PDF is empty');
  }

  const key = deviceKey(secrets);
  const texts = Array.from({ length: 1000 }, (_, i) => JSON.stringify(signContent({ ...sheet.content, sheetId: `bench-sheet-${i}` }, key)));
  const start = performance.now();
  for (const text of texts) {
    if (!verifySheet(JSON.parse(text)).valid) throw new Error('a benchmark sheet did not verify');
  }
  const verify = performance.now() - start;
  return {
    'signoff.pdf_ms': round(percentile(renders, 50)),
    'signoff.pdf_cold_ms': round(cold),
    'signoff.verify_1000_ms': round(verify),
  };
}
