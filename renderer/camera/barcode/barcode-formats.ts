/**
 * The symbologies Outpost reads from a camera: what serial and asset labels carry. The same set
 * in both decoders' spellings (the Shape Detection API's and ZXing-C++'s).
 */
export const NATIVE_FORMATS = ['code_128', 'code_39', 'ean_13', 'ean_8', 'upc_a', 'upc_e', 'data_matrix', 'qr_code'] as const;

export const ZXING_FORMATS = ['Code128', 'Code39', 'EAN13', 'EAN8', 'UPCA', 'UPCE', 'DataMatrix', 'QRCode'] as const;

/** Codes in one frame past this are not offered (a shelf of labels is not a pick list). */
export const MAX_CODES_PER_FRAME = 6;

/**
 * ZXing's settings for camera frames. No tryHarder: it triples the time of a frame (mostly on
 * frames holding no code at all), and the camera hands over a new frame seven times a second
 * anyway. Rotated (a label held sideways) and inverted codes are still tried.
 */
export const ZXING_CAMERA_OPTIONS = {
  formats: [...ZXING_FORMATS],
  tryHarder: false,
  tryRotate: true,
  tryInvert: true,
  maxNumberOfSymbols: MAX_CODES_PER_FRAME,
};
