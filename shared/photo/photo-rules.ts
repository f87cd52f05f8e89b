/**
 * How a photo is made fit to keep: every camera capture, and every attached image that is too big,
 * turned (EXIF orientation) or over the byte limit, is drawn again at most this long on its longest
 * side and saved as JPEG. Each step is tried in turn until the file fits the attachment limit
 * (MAX_ATTACHMENT_BYTES, one API call), so a detailed scene ends smaller than 2048 px.
 */
export const PHOTO_MAX_EDGE = 2048;
export const PHOTO_JPEG_QUALITY = 0.85;

/** Longest side and JPEG quality of each try, first to last. */
export const PHOTO_ENCODE_STEPS: readonly (readonly [edge: number, quality: number])[] = [
  [PHOTO_MAX_EDGE, PHOTO_JPEG_QUALITY],
  [PHOTO_MAX_EDGE, 0.75],
  [1600, 0.75],
  [1280, 0.72],
  [1024, 0.7],
  [800, 0.65],
  [640, 0.6],
];

/** The size a photo of width × height is drawn at for a longest side of at most `edge` (never enlarged). */
export function scaledSize(width: number, height: number, edge: number): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
