import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { renderSheetPdf } from '../../core/signoff/pdf/sheet-pdf';
import { deviceKey } from '../../core/signoff/device-key';
import { signContent } from '../../core/signoff/sheet-crypto';
import { exifWithGps } from '../support/exif-jpeg';
import { memorySecrets, syntheticSheet } from '../support/synthetic-sheet';
import { openSampleCore } from '../support/temp-core';
import { launchChromium } from './chromium';
import { percentile, round } from './stats';

const SHOTS = 12;
const PDF_PHOTOS = 12;

/** renderer/photo/encode-photo.ts as one script for a bare page (the real code, with the shared rules it imports). */
async function encoderScript(): Promise<string> {
  const out = await build({
    entryPoints: ['renderer/photo/encode-photo.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'photoEncoder',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

interface Encoded {
  ms: number;
  onePassMs: number;
  onePassBytes: number;
  base64: string;
  width: number;
  height: number;
}

/** What a phone adds to a JPEG: EXIF with GPS and camera, XMP. */
function withPhoneMetadata(jpeg: Buffer): Buffer {
  const segment = (payload: Buffer) =>
    Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  const xmp = Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/">${' '.repeat(4000)}</x:xmpmeta>`, 'latin1');
  return Buffer.concat([
    jpeg.subarray(0, 2),
    segment(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps(1)])),
    segment(xmp),
    jpeg.subarray(2),
  ]);
}

/**
 * Photo evidence, end to end:
 * - `fieldkit.photo_encode_ms` (p50) / `_p95_ms`: a 1920×1080 camera still made fit to keep in Chromium by the
 *   renderer's own encodePhoto (JPEG q 0.85 at ≤ 2048 px, smaller steps until ≤ 180 KiB). Reference in the
 *   same run: `fieldkit.photo_encode_one_pass_ms`, one canvas.toBlob at full size and q 0.85.
 * - `fieldkit.photo_store_ms` (p95): attachments.put of those JPEGs carrying phone metadata (EXIF with GPS,
 *   XMP): base64 check, metadata strip, SHA-256, write with fsync, row, activity. Reference:
 *   `fieldkit.photo_store_clean_ms`, the same JPEGs without metadata.
 * - `fieldkit.signoff_pdf_12_photos_ms` (median of 5): a site sheet PDF with 12 of those photos;
 *   reference `fieldkit.signoff_pdf_no_photos_ms`, the same sheet without them.
 */
export async function benchPhotos(): Promise<Record<string, number>> {
  const script = await encoderScript();
  const browser = await launchChromium();
  let shots: Encoded[];
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    shots = await page.evaluate(async (count) => {
      const encoder = (
        globalThis as unknown as {
          photoEncoder: {
            encodePhoto: (
              s: CanvasImageSource,
              w: number,
              h: number,
            ) => Promise<{ ok: boolean; dataBase64?: string; width?: number; height?: number }>;
          };
        }
      ).photoEncoder;
      const results = [];
      for (let n = 0; n < count; n++) {
        const canvas = document.createElement('canvas');
        canvas.width = 1920;
        canvas.height = 1080;
        const g = canvas.getContext('2d')!;
        const light = g.createLinearGradient(0, 0, 1920, 1080);
        light.addColorStop(0, '#6d7a88');
        light.addColorStop(1, '#d8cbb8');
        g.fillStyle = light;
        g.fillRect(0, 0, 1920, 1080);
        for (let r = 0; r < 24; r++) {
          g.fillStyle = `hsl(${(r * 37 + n * 11) % 360} 40% ${30 + (r % 5) * 10}%)`;
          g.fillRect(80 + r * 72, 160 + ((r * 53) % 400), 60, 380);
        }
        const pixels = g.getImageData(0, 0, 1920, 1080);
        let seed = 12345 + n;
        for (let i = 0; i < pixels.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const noise = (seed % 25) - 12;
          for (let c = i; c < i + 3; c++) pixels.data[c] = pixels.data[c]! + noise;
        }
        g.putImageData(pixels, 0, 0);
        const frame = await createImageBitmap(canvas);
        const started = performance.now();
        const encoded = await encoder.encodePhoto(frame, frame.width, frame.height);
        const ms = performance.now() - started;
        const oneStart = performance.now();
        const one = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
        const onePassMs = performance.now() - oneStart;
        frame.close();
        if (!encoded.ok) throw new Error('a still could not be encoded');
        results.push({
          ms,
          onePassMs,
          onePassBytes: one?.size ?? 0,
          base64: encoded.dataBase64!,
          width: encoded.width!,
          height: encoded.height!,
        });
      }
      return results;
    }, SHOTS);
  } finally {
    await browser.close();
  }
  const jpegs = shots.map((s) => Buffer.from(s.base64, 'base64'));

  // Two fresh cores, so both puts do the full work (no stored copy to find).
  const phoneCore = openSampleCore().core;
  const cleanCore = openSampleCore().core;
  const store: number[] = [];
  const storeClean: number[] = [];
  const stored: string[] = [];
  try {
    for (const jpeg of jpegs) {
      const phone = withPhoneMetadata(jpeg).toString('base64');
      let start = performance.now();
      const put = phoneCore.call('attachments.put', { mediaType: 'image/jpeg', dataBase64: phone });
      store.push(performance.now() - start);
      if (put.sha256 !== createHash('sha256').update(jpeg).digest('hex'))
        throw new Error('the stripped photo is not the JPEG without its metadata');
      stored.push(put.sha256);
      const clean = jpeg.toString('base64');
      start = performance.now();
      cleanCore.call('attachments.put', { mediaType: 'image/jpeg', dataBase64: clean });
      storeClean.push(performance.now() - start);
    }
  } finally {
    phoneCore.close();
    cleanCore.close();
  }

  const secrets = memorySecrets();
  const plain = syntheticSheet({ items: 50, issues: 20, targets: 10 }, secrets);
  const photos = stored.slice(0, PDF_PHOTOS).map((sha256, i) => ({ sha256, subject: `Checklist: rack photo ${i + 1}` }));
  const withPhotos = signContent(
    { ...plain.content, sheetId: 'bench-photos', review: { ...plain.content.review, photos } },
    deviceKey(secrets),
  );
  const bytes = new Map(stored.map((sha, i) => [sha, jpegs[i]!]));
  const loader = (sha: string) => bytes.get(sha) ?? null;
  await renderSheetPdf(withPhotos, loader);
  const pdfWith: number[] = [];
  const pdfWithout: number[] = [];
  for (let i = 0; i < 5; i++) {
    let start = performance.now();
    await renderSheetPdf(withPhotos, loader);
    pdfWith.push(performance.now() - start);
    start = performance.now();
    await renderSheetPdf(plain);
    pdfWithout.push(performance.now() - start);
  }

  const sizes = shots.map((s) => Math.max(s.width, s.height));
  return {
    'fieldkit.photo_encode_ms': round(
      percentile(
        shots.map((s) => s.ms),
        50,
      ),
    ),
    'fieldkit.photo_encode_p95_ms': round(
      percentile(
        shots.map((s) => s.ms),
        95,
      ),
    ),
    'fieldkit.photo_encode_one_pass_ms': round(
      percentile(
        shots.map((s) => s.onePassMs),
        50,
      ),
    ),
    'fieldkit.photo_one_pass_kib': round(
      percentile(
        shots.map((s) => s.onePassBytes / 1024),
        50,
      ),
    ),
    'fieldkit.photo_kept_kib': round(
      percentile(
        jpegs.map((j) => j.length / 1024),
        50,
      ),
    ),
    'fieldkit.photo_kept_edge_px': percentile(sizes, 50),
    'fieldkit.photo_store_ms': round(percentile(store, 95)),
    'fieldkit.photo_store_clean_ms': round(percentile(storeClean, 95)),
    'fieldkit.signoff_pdf_12_photos_ms': round(percentile(pdfWith, 50)),
    'fieldkit.signoff_pdf_no_photos_ms': round(percentile(pdfWithout, 50)),
  };
}
