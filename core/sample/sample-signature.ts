import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

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
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}
