import type { BarcodeReader } from './barcode-reader';
import { NATIVE_FORMATS } from './barcode-formats';

// The Shape Detection API is not in TypeScript's DOM types.
interface NativeDetected {
  rawValue: string;
  format: string;
}
interface NativeDetector {
  detect(source: CanvasImageSource): Promise<NativeDetected[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/** The platform's BarcodeDetector, or null when it is missing or lacks one of our formats. */
export async function nativeBarcodeReader(): Promise<BarcodeReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    if (!NATIVE_FORMATS.every((f) => supported.includes(f))) return null;
    const detector = new Detector({ formats: [...NATIVE_FORMATS] });
    return {
      kind: 'native',
      read: async (video) => (await detector.detect(video)).map((d) => ({ value: d.rawValue, format: d.format })),
    };
  } catch {
    return null;
  }
}
