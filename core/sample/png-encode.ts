import zlib from 'node:zlib';

/** PNG colour types used here: 0 grayscale (1 byte a pixel), 6 RGBA (4 bytes a pixel). */
export type PngColorType = 0 | 6;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit PNG from raw scanlines (each row a filter byte 0 then its pixels), base64: the drawn
 * signatures of the sample data and of the tests, without an image library.
 */
export function encodePngBase64(width: number, height: number, colorType: PngColorType, scanlines: Buffer): string {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}
