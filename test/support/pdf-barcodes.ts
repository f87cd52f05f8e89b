import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

/**
 * Reads barcodes back from a PDF the way a person's scanner would see the printed page: poppler's
 * `pdftoppm` renders each page, zxing-wasm (the decoder the camera scanner uses) decodes it. The
 * `.wasm` comes from the package on disk, never its CDN.
 */

let prepared: Promise<unknown> | null = null;
function prepare(): Promise<unknown> {
  if (!prepared) {
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = fs.readFileSync(wasm);
    prepared = Promise.resolve(
      prepareZXingModule({
        overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) },
        fireImmediately: true,
      }),
    );
  }
  return prepared;
}

export interface PageBarcodes {
  page: number;
  /** Pixels per millimetre of the rendering. */
  pxPerMm: number;
  results: ReadResult[];
}

/** Renders every page of `pdf` at `dpi` and decodes Code 128 and QR codes on it. */
export async function decodePdfBarcodes(pdf: Uint8Array, dpi = 600): Promise<PageBarcodes[]> {
  await prepare();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-labels-'));
  try {
    const file = path.join(dir, 'labels.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, path.join(dir, 'page')]);
    const pages = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    const out: PageBarcodes[] = [];
    for (const [i, name] of pages.entries()) {
      const png = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      const results = await readBarcodes(png, { formats: ['Code128', 'QRCode'], maxNumberOfSymbols: 255, tryHarder: true });
      out.push({ page: i, pxPerMm: dpi / 25.4, results: results.filter((r) => r.isValid) });
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Page sizes in millimetres as poppler's `pdfinfo` reports them. */
export function pdfPageSizesMm(pdf: Uint8Array): { width: number; height: number }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-labels-'));
  try {
    const file = path.join(dir, 'labels.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
    return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: (Number(m[1]) * 25.4) / 72,
      height: (Number(m[2]) * 25.4) / 72,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
