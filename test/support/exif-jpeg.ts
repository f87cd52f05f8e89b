import { crc32 } from 'node:zlib';

/** A real 16 × 8 baseline JPEG (JFIF + ICC profile) as Chromium's canvas writes it: left half red, right half blue. */
export const PLAIN_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAYH/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABQBAQAAAAAAAAAAAAAAAAAAAAb/xAAZEQACAwEAAAAAAAAAAAAAAAAARAaCwgf/2gAMAwEAAhEDEQA/AMmRgE/OWaaGM+Xvk//Z',
  'base64',
);

/** A 1 × 1 PNG. */
export const PLAIN_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Where the fixtures say they were taken: Amsterdam, 52°22'12" N 4°53'24" E. */
export const FIXTURE_GPS = { latitude: 52.37, longitude: 4.89 };

type Entry = { tag: number; type: 2 | 3 | 4 | 5; count: number; value: number | Buffer };

/** A little-endian TIFF block with IFD0 (camera make, orientation, GPS pointer) and a GPS IFD, as a phone writes it. */
export function exifWithGps(orientation: number): Buffer {
  const tiff = Buffer.alloc(164);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  const dms = (deg: number) => {
    const d = Math.floor(deg);
    const m = Math.floor((deg - d) * 60);
    const s = Math.round(((deg - d) * 60 - m) * 60 * 100);
    const b = Buffer.alloc(24);
    [d, 1, m, 1, s, 100].forEach((v, k) => b.writeUInt32LE(v, k * 4));
    return b;
  };
  const ifd = (at: number, entries: Entry[], data: Map<number, Buffer>) => {
    tiff.writeUInt16LE(entries.length, at);
    entries.forEach((e, k) => {
      const p = at + 2 + k * 12;
      tiff.writeUInt16LE(e.tag, p);
      tiff.writeUInt16LE(e.type, p + 2);
      tiff.writeUInt32LE(e.count, p + 4);
      if (typeof e.value !== 'number') e.value.copy(tiff, p + 8);
      else if (e.type === 3) tiff.writeUInt16LE(e.value, p + 8);
      else tiff.writeUInt32LE(e.value, p + 8);
    });
    tiff.writeUInt32LE(0, at + 2 + entries.length * 12);
    for (const [offset, bytes] of data) bytes.copy(tiff, offset);
  };
  ifd(
    8,
    [
      { tag: 0x010f, type: 2, count: 11, value: 50 },
      { tag: 0x0112, type: 3, count: 1, value: orientation },
      { tag: 0x8825, type: 4, count: 1, value: 62 },
    ],
    new Map([[50, Buffer.from('OutpostCam\0', 'latin1')]]),
  );
  ifd(
    62,
    [
      { tag: 0x0001, type: 2, count: 2, value: Buffer.from('N\0', 'latin1') },
      { tag: 0x0002, type: 5, count: 3, value: 116 },
      { tag: 0x0003, type: 2, count: 2, value: Buffer.from('E\0', 'latin1') },
      { tag: 0x0004, type: 5, count: 3, value: 140 },
    ],
    new Map([
      [116, dms(FIXTURE_GPS.latitude)],
      [140, dms(FIXTURE_GPS.longitude)],
    ]),
  );
  return tiff;
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,22.2N" exif:GPSLongitude="4,53.4E"/></rdf:RDF></x:xmpmeta>';

/** PLAIN_JPEG with what a phone adds: EXIF with GPS and the given orientation, XMP with GPS, a comment, and a trailer after the image. */
export function jpegWithGps(orientation = 1): Buffer {
  const jfifEnd = 2 + 2 + PLAIN_JPEG.readUInt16BE(4);
  return Buffer.concat([
    PLAIN_JPEG.subarray(0, jfifEnd),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps(orientation)])),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'latin1')),
    segment(0xfe, Buffer.from('Taken at 52.37 N 4.89 E', 'latin1')),
    PLAIN_JPEG.subarray(jfifEnd),
    Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from('second picture with its own EXIF', 'latin1')]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PLAIN_PNG with an eXIf chunk holding GPS and a text chunk naming the place. */
export function pngWithGps(): Buffer {
  return Buffer.concat([
    PLAIN_PNG.subarray(0, 33),
    pngChunk('eXIf', exifWithGps(1)),
    pngChunk('tEXt', Buffer.from('Comment\0Taken at 52.37 N 4.89 E', 'latin1')),
    PLAIN_PNG.subarray(33),
  ]);
}
