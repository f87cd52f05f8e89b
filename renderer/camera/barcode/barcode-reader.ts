/** One code found in a camera frame. */
export interface DecodedCode {
  value: string;
  format: string;
}

/** Finds codes in the current frame of a playing video. */
export interface BarcodeReader {
  /** 'native': the platform's BarcodeDetector; 'zxing': ZXing-C++ compiled to WebAssembly, served by the app. */
  kind: 'native' | 'zxing';
  read: (video: HTMLVideoElement) => Promise<DecodedCode[]>;
}

let loading: Promise<BarcodeReader> | null = null;

/**
 * The platform's BarcodeDetector when it reads every format we need (Chromium on macOS, Android,
 * ChromeOS), else ZXing's WebAssembly build. Loaded the first time a camera opens, never at start.
 */
export function loadBarcodeReader(): Promise<BarcodeReader> {
  loading ??= (async () => {
    const { nativeBarcodeReader } = await import('./native-reader');
    const native = await nativeBarcodeReader();
    if (native) return native;
    const { zxingBarcodeReader } = await import('./zxing-reader');
    return zxingBarcodeReader();
  })();
  loading.catch(() => {
    loading = null; // let the next camera opening try again
  });
  return loading;
}

/** Distinct, trimmed values of one frame, in the order found, at most `max`. */
export function distinctCodes(codes: DecodedCode[], max: number): DecodedCode[] {
  const seen = new Set<string>();
  const out: DecodedCode[] = [];
  for (const code of codes) {
    const value = code.value.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push({ value, format: code.format });
    if (out.length === max) break;
  }
  return out;
}
