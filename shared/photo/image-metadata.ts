/**
 * Removes what an image file says beyond its pixels: EXIF (GPS position, camera serial, time), XMP,
 * IPTC, comments, text chunks, and whatever trails the image (phones append extra pictures with EXIF
 * of their own). Lossless: segments are dropped, the picture data is copied as it is. A JPEG's
 * orientation survives as a minimal EXIF block holding that tag alone, so the photo still stands
 * the right way up. Pure byte work on Uint8Array: the core runs it on every stored photo, the
 * renderer reads the orientation with it.
 */
export type StripResult = { ok: true; bytes: Uint8Array; removed: string[] } | { ok: false; reason: string };
export type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

const ascii = (b: Uint8Array, at: number, text: string) => text.split('').every((c, k) => b[at + k] === c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const u32le = (b: Uint8Array, at: number) =>
  (b[at] ?? 0) + (b[at + 1] ?? 0) * 0x100 + (b[at + 2] ?? 0) * 0x10000 + (b[at + 3] ?? 0) * 0x1000000;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The orientation tag (1–8) of an EXIF block (the bytes after "Exif\0\0"), or 1 when it has none. */
function exifOrientation(tiff: Uint8Array): number {
  const little = ascii(tiff, 0, 'II');
  if (!little && !ascii(tiff, 0, 'MM')) return 1;
  const u16 = (at: number) => (little ? (tiff[at] ?? 0) | ((tiff[at + 1] ?? 0) << 8) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** An APP1 segment with an EXIF block that holds the orientation tag and nothing else. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  return Uint8Array.from([0xff, 0xe1, 0, payload.length + 2, ...payload]);
}

/** Which marker segments of a JPEG header carry pixels' meaning (kept) rather than metadata (dropped). */
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xe0) return ascii(payload, 0, 'JFIF\0') || ascii(payload, 0, 'JFXX\0');
  if (marker === 0xe2) return ascii(payload, 0, 'ICC_PROFILE\0'); // colours
  if (marker === 0xee) return ascii(payload, 0, 'Adobe'); // colour transform of CMYK/YCCK files
  if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false; // EXIF, XMP, IPTC, comments…
  return true;
}

const SEGMENT_NAMES: Record<number, string> = { 0xe1: 'EXIF/XMP', 0xed: 'IPTC', 0xfe: 'comment' };

/** Where a JPEG's entropy-coded data after a start-of-scan header ends: at the next real marker. */
function scanEnd(b: Uint8Array, from: number): number {
  let j = from;
  while (j + 1 < b.length) {
    if (b[j] === 0xff) {
      const next = b[j + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
        j += 2;
        continue;
      }
      return j;
    }
    j++;
  }
  return b.length;
}

/** The orientation tag (1–8) of a JPEG, 1 when it has none or the file is not a JPEG. */
export function readJpegOrientation(b: Uint8Array): number {
  if (b[0] !== 0xff || b[1] !== 0xd8) return 1;
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    while (b[i] === 0xff && i < b.length) i++;
    const marker = b[i]!;
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = u16be(b, i + 1);
    const payload = b.subarray(i + 3, i + 1 + length);
    if (marker === 0xe1 && ascii(payload, 0, 'Exif\0\0')) return exifOrientation(payload.subarray(6));
    i += 1 + length;
  }
  return 1;
}

function stripJpeg(b: Uint8Array): StripResult {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return { ok: false, reason: 'The file is not a JPEG image' };
  const head: Uint8Array[] = [];
  const rest: Uint8Array[] = [];
  const removed = new Set<string>();
  let orientation = 1;
  let i = 2;
  for (;;) {
    if (i >= b.length) return { ok: false, reason: 'The JPEG ends before its end marker: the file is cut short' };
    if (b[i] !== 0xff) return { ok: false, reason: `The JPEG is damaged: no marker at byte ${i}` };
    while (i < b.length && b[i] === 0xff) i++;
    const marker = b[i];
    if (marker === undefined) return { ok: false, reason: 'The JPEG ends inside a marker' };
    i++;
    if (marker === 0xd9) {
      rest.push(Uint8Array.of(0xff, 0xd9));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      rest.push(Uint8Array.of(0xff, marker));
      continue;
    }
    const length = u16be(b, i);
    if (i + 2 > b.length || length < 2 || i + length > b.length)
      return { ok: false, reason: 'The JPEG is damaged: a segment runs past the end of the file' };
    const segment = b.subarray(i - 2, i + length);
    const payload = b.subarray(i + 2, i + length);
    i += length;
    if (marker === 0xe1 && ascii(payload, 0, 'Exif\0\0')) orientation = exifOrientation(payload.subarray(6));
    if (!keepJpegSegment(marker, payload)) {
      removed.add(SEGMENT_NAMES[marker] ?? `APP${marker - 0xe0}`);
      continue;
    }
    // JFIF's APP0 stays first, before the orientation block.
    (marker === 0xe0 && rest.length === 0 ? head : rest).push(segment);
    if (marker === 0xda) {
      const end = scanEnd(b, i);
      rest.push(b.subarray(i, end));
      i = end;
    }
  }
  if (i < b.length) removed.add('data after the image');
  const exif = orientation === 1 ? [] : [orientationSegment(orientation)];
  return { ok: true, bytes: concat([b.subarray(0, 2), ...head, ...exif, ...rest]), removed: [...removed] };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);

function stripPng(b: Uint8Array): StripResult {
  if (!PNG_SIGNATURE.every((v, k) => b[k] === v)) return { ok: false, reason: 'The file is not a PNG image' };
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  let i = 8;
  for (;;) {
    if (i + 12 > b.length) return { ok: false, reason: 'The PNG ends before its IEND chunk: the file is cut short' };
    const end = i + 12 + u32be(b, i);
    if (end > b.length) return { ok: false, reason: 'The PNG is damaged: a chunk runs past the end of the file' };
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    if (PNG_METADATA_CHUNKS.has(type)) removed.add(type);
    else kept.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  if (i < b.length) removed.add('data after the image');
  return { ok: true, bytes: removed.size === 0 ? b : concat(kept), removed: [...removed] };
}

function stripWebp(b: Uint8Array): StripResult {
  if (b.length < 12 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return { ok: false, reason: 'The file is not a WebP image' };
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) return { ok: false, reason: 'The WebP is cut short' };
  const kept: Uint8Array[] = [];
  const removed = new Set<string>();
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) return { ok: false, reason: 'The WebP is damaged: a chunk header runs past its end' };
    const type = String.fromCharCode(...b.subarray(i, i + 4));
    const size = u32le(b, i + 4);
    const end = i + 8 + size + (size % 2);
    if (end > riffEnd) return { ok: false, reason: 'The WebP is damaged: a chunk runs past its end' };
    if (type === 'EXIF' || type === 'XMP ') removed.add(type.trim());
    else if (type === 'VP8X' && size >= 1) {
      const chunk = b.slice(i, end);
      chunk[8] = chunk[8]! & ~0x0c; // no EXIF (0x08) or XMP (0x04) any more
      kept.push(chunk);
    } else kept.push(b.subarray(i, end));
    i = end;
  }
  if (riffEnd < b.length) removed.add('data after the image');
  if (removed.size === 0) return { ok: true, bytes: b, removed: [] };
  const body = concat(kept);
  const size = body.length + 4;
  const header = Uint8Array.of(
    0x52,
    0x49,
    0x46,
    0x46,
    size & 0xff,
    (size >>> 8) & 0xff,
    (size >>> 16) & 0xff,
    (size >>> 24) & 0xff,
    0x57,
    0x45,
    0x42,
    0x50,
  );
  return { ok: true, bytes: concat([header, body]), removed: [...removed] };
}

/** The image without its metadata, or why the file cannot be taken as that kind of image. */
export function stripImageMetadata(bytes: Uint8Array, mediaType: ImageMediaType): StripResult {
  if (mediaType === 'image/jpeg') return stripJpeg(bytes);
  if (mediaType === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}
