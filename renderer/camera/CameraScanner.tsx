import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import type { DecodedCode } from './barcode/barcode-reader';
import { RepeatFilter } from './barcode/repeat-filter';
import { useBarcodeScan } from './barcode/useBarcodeScan';
import { CameraControls, CameraFailureNotice } from './CameraControls';
import { CameraPreview } from './CameraPreview';
import { useCameraStream } from './useCameraStream';
import { useText } from '../i18n/i18n';

interface Props {
  /** A value read from the camera: one code alone in view, or the one picked from several. */
  onScan: (value: string) => void;
  /** What to hold up to the camera. */
  hint: string;
  maxWidth?: number;
}

function sameValues(a: DecodedCode[], b: DecodedCode[]): boolean {
  return a.length === b.length && a.every((code, i) => code.value === b[i]?.value);
}

/**
 * Live camera preview that reads barcodes and QR codes while it is shown. One code in view is
 * handed over at once (and not again while it stays in view, see RepeatFilter); several are
 * listed to pick from. The camera stops when this unmounts.
 */
export function CameraScanner({ onScan, hint, maxWidth = 420 }: Props) {
  const t = useText();
  const camera = useCameraStream({ active: true });
  const videoRef = useRef<HTMLVideoElement>(null);
  const [filter] = useState(() => new RepeatFilter());
  const [choices, setChoices] = useState<DecodedCode[]>([]);

  const onFrame = useCallback(
    (codes: DecodedCode[]) => {
      if (codes.length > 1) {
        setChoices((prev) => (sameValues(prev, codes) ? prev : codes));
        return;
      }
      const only = codes[0];
      if (!only) return;
      setChoices((prev) => (prev.length === 0 ? prev : []));
      if (filter.accept(only.value)) onScan(only.value);
    },
    [filter, onScan],
  );
  const decoder = useBarcodeScan(videoRef, camera.status === 'live', onFrame);

  function pick(value: string) {
    filter.note(value);
    setChoices([]);
    onScan(value);
  }

  const state =
    camera.status === 'starting'
      ? t('camera.cameraScanner.openingTheCamera')
      : camera.status !== 'live'
        ? null
        : decoder === 'loading'
          ? t('camera.cameraScanner.loadingTheBarcodeReader')
          : decoder === 'failed'
            ? t('camera.cameraScanner.theBarcodeReaderCould')
            : hint;

  return (
    <Stack
      gap={6}
      data-testid="camera-scanner"
      data-camera={camera.status}
      data-decoder={decoder}
      style={{ width: '100%', maxWidth, flex: `0 1 ${maxWidth}px` }}
    >
      <CameraFailureNotice camera={camera} />
      {camera.status !== 'failed' && (
        <CameraPreview
          stream={camera.stream}
          videoRef={videoRef}
          label={t('camera.cameraScanner.cameraPreview')}
          maxWidth={maxWidth}
          aimLine
        />
      )}
      {state && (
        <Group gap={6} wrap="nowrap">
          {(camera.status === 'starting' || decoder === 'loading') && <Loader size={12} />}
          <Text size="xs" c={decoder === 'failed' ? 'red' : 'dimmed'} data-testid="camera-state">
            {state}
          </Text>
        </Group>
      )}
      {camera.status === 'live' && <CameraControls camera={camera} />}
      {choices.length > 1 && (
        <div data-testid="camera-choices">
          <Text size="xs" fw={700}>
            {t('camera.cameraScanner.codesInViewPick', { codes: choices.length })}
          </Text>
          <Group gap={4} mt={4}>
            {choices.map((code) => (
              <Button
                key={code.value}
                size="compact-sm"
                variant="light"
                ff="monospace"
                onClick={() => pick(code.value)}
                data-testid="camera-choice"
                data-value={code.value}
              >
                {code.value}
              </Button>
            ))}
          </Group>
        </div>
      )}
    </Stack>
  );
}
