import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
// Served from the app's own files (Vite copies it into dist/renderer/assets): never zxing-wasm's default CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { BarcodeReader } from './barcode-reader';
import { ZXING_CAMERA_OPTIONS } from './barcode-formats';

/** ZXing-C++ (WebAssembly) over the video's current frame, drawn onto a canvas at its own size. */
export async function zxingBarcodeReader(): Promise<BarcodeReader> {
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas to read camera frames from');
  return {
    kind: 'zxing',
    read: async (video) => {
      const { videoWidth: width, videoHeight: height } = video;
      if (width === 0 || height === 0) return [];
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      const results = await readBarcodes(context.getImageData(0, 0, width, height), ZXING_CAMERA_OPTIONS);
      return results.filter((r) => r.isValid).map((r) => ({ value: r.text, format: r.format }));
    },
  };
}
