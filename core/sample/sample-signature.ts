import { encodePngBase64 } from './png-encode';

/**
 * A drawn-looking signature for the sample data: dark ink on white, a wavy stroke whose shape
 * depends on `seed`, as a grayscale PNG (base64), so sample attendees differ in their signatures.
 */
export function sampleSignaturePng(seed: number, width = 240, height = 80): string {
  const pixels = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) pixels[y * (width + 1)] = 0; // filter byte: none
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) {
      const row = Math.round(y) + dy;
      if (row >= 0 && row < height && x >= 0 && x < width) pixels[row * (width + 1) + 1 + x] = 0x10;
    }
  };
  for (let x = 16; x < width - 16; x++) {
    const t = (x - 16) / (width - 32);
    ink(x, height / 2 + Math.sin(t * (6 + seed) + seed) * (height / 4) * (1 - t / 2));
  }
  return encodePngBase64(width, height, 0, pixels);
}
