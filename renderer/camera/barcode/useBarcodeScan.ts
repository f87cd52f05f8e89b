import { useEffect, useRef, useState, type RefObject } from 'react';
import { logger } from '../../logging/logger';
import { distinctCodes, loadBarcodeReader, type BarcodeReader, type DecodedCode } from './barcode-reader';
import { MAX_CODES_PER_FRAME } from './barcode-formats';

/** Pause between two reads: about seven frames a second, and the CPU left for the rest. */
export const SCAN_INTERVAL_MS = 140;

export type DecoderStatus = 'loading' | 'ready' | 'failed';

/**
 * Reads codes from the video while `live`: one read at a time, each frame's distinct codes
 * handed to `onFrame` (an empty list too, so a caller sees codes go out of view).
 */
export function useBarcodeScan(
  video: RefObject<HTMLVideoElement | null>,
  live: boolean,
  onFrame: (codes: DecodedCode[]) => void,
): DecoderStatus {
  const [status, setStatus] = useState<DecoderStatus>('loading');
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: number | undefined;
    let reader: BarcodeReader | null = null;

    const tick = async () => {
      const started = performance.now();
      const el = video.current;
      if (reader && el && el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        try {
          const codes = distinctCodes(await reader.read(el), MAX_CODES_PER_FRAME);
          if (!stopped) onFrameRef.current(codes);
        } catch (error) {
          logger.warn('reading a camera frame failed', { error: String(error) });
        }
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), Math.max(0, SCAN_INTERVAL_MS - (performance.now() - started)));
    };

    setStatus('loading');
    loadBarcodeReader().then(
      (loaded) => {
        if (stopped) return;
        reader = loaded;
        setStatus('ready');
        logger.info('barcode decoder ready', { kind: loaded.kind });
        void tick();
      },
      (error: unknown) => {
        if (stopped) return;
        setStatus('failed');
        logger.error('the barcode decoder could not be loaded', { error: String(error) });
      },
    );
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [live, video]);

  return status;
}
