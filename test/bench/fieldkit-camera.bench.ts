import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { ZXING_CAMERA_OPTIONS } from '../../renderer/camera/barcode/barcode-formats';
import { composeFrame, drawCode, toRgba } from '../support/barcode-video';
import { percentile, round } from './stats';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = 10;
const ROUNDS = 12;
const WARM_UP = 5;

type Frame = { data: Uint8ClampedArray; width: number; height: number; colorSpace: 'srgb' };

async function decode(frame: Frame): Promise<string[]> {
  // The camera reader's own settings (renderer/camera/barcode/zxing-reader.ts) on a canvas-like RGBA frame.
  const results = await readBarcodes(frame as unknown as ImageData, ZXING_CAMERA_OPTIONS);
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/**
 * `fieldkit.camera_decode_ms`: p95 frame-to-result of the camera's barcode reader (zxing-wasm, the
 * renderer's own formats and options, ZXING_CAMERA_OPTIONS) on 1280×720 RGBA frames holding one
 * Code 128 serial each (10 serials at different places across the middle band, 120 reads after a
 * warm-up); every read must return exactly that serial. The reference in the same run,
 * `fieldkit.camera_decode_empty_frame_ms`, is the p95 of a frame with no code: what each frame
 * costs while nothing is held up to the camera. `fieldkit.camera_decode_cpu_ms` is the p95 of the
 * CPU time of a read (the decoder runs on one thread): on a busy machine the wall-clock p95 mostly
 * measures waiting for a core, this does not.
 */
export async function benchCameraDecode(): Promise<Record<string, number>> {
  const require = createRequire(import.meta.url);
  const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });

  const frames: { frame: Frame; serial: string }[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const serial = `SN-${(7_340_021 + i * 7919).toString(36).toUpperCase()}-${String(i).padStart(3, '0')}`;
    const code = await drawCode('code128', serial, 2);
    // Anywhere across the width, within the middle band the preview's aiming line asks for (±100 px).
    const x = 40 + ((i * 97) % (WIDTH - code.width - 80));
    const y = Math.round((HEIGHT - code.height) / 2) - 100 + ((i * 41) % 201);
    const luma = composeFrame(WIDTH, HEIGHT, [{ code, x, y }]);
    frames.push({ frame: { data: toRgba(luma), width: WIDTH, height: HEIGHT, colorSpace: 'srgb' }, serial });
  }
  const empty: Frame = { data: toRgba(composeFrame(WIDTH, HEIGHT, [])), width: WIDTH, height: HEIGHT, colorSpace: 'srgb' };

  for (let i = 0; i < WARM_UP; i++) await decode(frames[i % FRAMES]!.frame);
  const withCode: number[] = [];
  const withCodeCpu: number[] = [];
  const withoutCode: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { frame, serial } of frames) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const found = await decode(frame);
      withCode.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      withCodeCpu.push((cpu.user + cpu.system) / 1000);
      if (found.length !== 1 || found[0] !== serial) throw new Error(`Expected ${serial}, read ${JSON.stringify(found)}`);
      const t1 = performance.now();
      const none = await decode(empty);
      withoutCode.push(performance.now() - t1);
      if (none.length !== 0) throw new Error(`Read ${JSON.stringify(none)} from an empty frame`);
    }
  }
  return {
    'fieldkit.camera_decode_ms': round(percentile(withCode, 95)),
    'fieldkit.camera_decode_p50_ms': round(percentile(withCode, 50)),
    'fieldkit.camera_decode_cpu_ms': round(percentile(withCodeCpu, 95)),
    'fieldkit.camera_decode_empty_frame_ms': round(percentile(withoutCode, 95)),
  };
}
