import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { FIXTURE_GPS, PLAIN_JPEG, PLAIN_PNG, exifWithGps, jpegWithGps, pngWithGps } from '../../test/support/exif-jpeg';
import { readJpegOrientation, stripImageMetadata } from './image-metadata';

const strip = (bytes: Buffer, type: 'image/jpeg' | 'image/png' | 'image/webp') => {
  const result = stripImageMetadata(new Uint8Array(bytes), type);
  if (!result.ok) throw new Error(result.reason);
  return { bytes: Buffer.from(result.bytes), removed: result.removed };
};

describe('stripImageMetadata', () => {
  it('removes EXIF GPS, XMP, comments and trailing pictures from a JPEG, keeping its orientation and picture data', async () => {
    const input = jpegWithGps(6);
    // The fixture really carries a position: an EXIF reader we did not write finds it.
    const before = await exifr.gps(input);
    expect(before.latitude).toBeCloseTo(FIXTURE_GPS.latitude, 3);
    expect(before.longitude).toBeCloseTo(FIXTURE_GPS.longitude, 3);
    expect(input.includes(Buffer.from('52.37 N'))).toBe(true);

    const { bytes, removed } = strip(input, 'image/jpeg');
    expect(removed).toEqual(expect.arrayContaining(['EXIF/XMP', 'comment', 'data after the image']));
    expect(await exifr.gps(bytes)).toBeUndefined();
    const all = await exifr.parse(bytes, { tiff: true, xmp: true, gps: true, exif: true, translateValues: false });
    expect(all).toEqual({ Orientation: 6 });
    expect(readJpegOrientation(bytes)).toBe(6);
    for (const text of ['52.37 N', 'OutpostCam', 'GPSLatitude', 'second picture']) expect(bytes.includes(Buffer.from(text))).toBe(false);
    // The picture itself (quantisation tables, Huffman tables, scan) is copied unchanged.
    const sos = PLAIN_JPEG.indexOf(Buffer.from([0xff, 0xdb]));
    expect(bytes.subarray(bytes.indexOf(Buffer.from([0xff, 0xdb])))).toEqual(PLAIN_JPEG.subarray(sos));
  });

  it('leaves no EXIF at all when the orientation is upright, and keeps a clean JPEG byte for byte', async () => {
    const { bytes } = strip(jpegWithGps(1), 'image/jpeg');
    expect(await exifr.parse(bytes)).toBeUndefined();
    expect(bytes).toEqual(PLAIN_JPEG);
    expect(strip(PLAIN_JPEG, 'image/jpeg')).toEqual({ bytes: PLAIN_JPEG, removed: [] });
  });

  it('removes eXIf and text chunks from a PNG and keeps a clean PNG byte for byte', async () => {
    const input = pngWithGps();
    expect((await exifr.gps(input))?.latitude).toBeCloseTo(FIXTURE_GPS.latitude, 3);
    const { bytes, removed } = strip(input, 'image/png');
    expect(removed.sort()).toEqual(['eXIf', 'tEXt']);
    expect(bytes).toEqual(PLAIN_PNG);
    expect(strip(PLAIN_PNG, 'image/png')).toEqual({ bytes: PLAIN_PNG, removed: [] });
  });

  it('removes EXIF and XMP chunks from a WebP, clears their flags and fixes the RIFF size', () => {
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x08 | 0x04;
    const body = Buffer.concat([
      chunk('VP8X', vp8x),
      chunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0])),
      chunk('EXIF', exifWithGps(1)),
      chunk('XMP ', Buffer.from('<x/>')),
    ]);
    const riff = Buffer.alloc(12);
    riff.write('RIFF', 0, 'latin1');
    riff.writeUInt32LE(body.length + 4, 4);
    riff.write('WEBP', 8, 'latin1');
    const { bytes, removed } = strip(Buffer.concat([riff, body]), 'image/webp');
    expect(removed.sort()).toEqual(['EXIF', 'XMP']);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect(bytes.includes(Buffer.from('EXIF'))).toBe(false);
    expect(bytes[20]! & 0x0c).toBe(0);
  });

  it('refuses damaged files with the reason instead of storing them half-stripped', () => {
    const cut = jpegWithGps(6).subarray(0, 300);
    expect(stripImageMetadata(new Uint8Array(cut), 'image/jpeg')).toEqual({ ok: false, reason: expect.stringMatching(/JPEG/) });
    expect(stripImageMetadata(new Uint8Array(PLAIN_PNG.subarray(0, 40)), 'image/png')).toEqual({
      ok: false,
      reason: expect.stringMatching(/PNG/),
    });
    expect(stripImageMetadata(new Uint8Array(PLAIN_PNG), 'image/jpeg')).toEqual({ ok: false, reason: 'The file is not a JPEG image' });
    const noEnd = PLAIN_JPEG.subarray(0, PLAIN_JPEG.length - 2);
    expect(stripImageMetadata(new Uint8Array(noEnd), 'image/jpeg').ok).toBe(false);
  });
});
