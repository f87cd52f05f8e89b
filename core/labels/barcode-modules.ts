// The default export's `raw` is the encoder; the named `raw` export is BWIPP's "raw" symbology.
import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';

/**
 * Barcodes as modules (bars and dark squares), so the label PDF draws them as vector rectangles:
 * sharp at any printer resolution, no images to scale, and small files. Code 128 from bwip-js's
 * encoder; QR from `qrcode` (already used for the sign-off sheet's hash), which builds a matrix
 * about 15 times faster than bwip-js's PostScript emulation (0.6 ms against 10 ms here), and a
 * sheet of labels holds two per label.
 */

/** A Code 128 symbol: bar runs as [start, width] in modules, and its width in modules (no quiet zone). */
export interface LinearSymbol {
  bars: [number, number][];
  modules: number;
}

/** A QR symbol: dark modules as [column, row, run length], `size` modules square (no quiet zone). */
export interface MatrixSymbol {
  runs: [number, number, number][];
  size: number;
}

/** Code 128 needs 10 modules of white on each side. */
export const CODE128_QUIET_MODULES = 10;
/** QR wants 4; 2 is what the decoders here read reliably and what fits a 25 mm label. */
export const QR_QUIET_MODULES = 2;

export function code128(text: string): LinearSymbol {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text }) as { sbs: number[] }[];
  if (!symbol?.sbs) throw new Error('bwip-js gave no Code 128 pattern');
  const bars: [number, number][] = [];
  let x = 0;
  symbol.sbs.forEach((width, i) => {
    // Widths alternate bar, space, bar…, starting with a bar.
    if (i % 2 === 0) bars.push([x, width]);
    x += width;
  });
  return { bars, modules: x };
}

export function qrCode(text: string): MatrixSymbol {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let column = 0; column <= size; column++) {
      const dark = column < size && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push([start, row, column - start]);
        start = -1;
      }
    }
  }
  return { runs, size };
}
