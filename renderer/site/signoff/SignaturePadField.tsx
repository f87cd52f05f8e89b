import { Button, Group, Paper, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { useOwnerText } from '../../i18n/owner-text';

interface Props {
  /** PNG (base64, no data: prefix) after each stroke; null when cleared. */
  onChange: (pngBase64: string | null) => void;
  height?: number;
  /** The language of the person signing (the site owner's by default for a sheet; English elsewhere). */
  language?: SiteLanguage;
}

/** Ink and paper of the pad: the same in light and dark theme, so the stroke is always visible and the stored PNG is dark ink on white. */
export const SIGNATURE_INK = '#101828';
export const SIGNATURE_PAPER = '#ffffff';

/** A drawn signature (mouse, touch or pen) on a canvas, with a clear button. */
export function SignaturePadField({ onChange, height = 160, language = 'en' }: Props) {
  const t = useOwnerText(language);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: SIGNATURE_INK, backgroundColor: SIGNATURE_PAPER, minWidth: 0.8, maxWidth: 2.4 });
    padRef.current = pad;
    const resize = () => {
      // Crisp lines on high-density screens, capped so the PNG stays small.
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    const changed = () => onChangeRef.current(pad.isEmpty() ? null : pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
    pad.addEventListener('endStroke', changed);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', changed);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    onChangeRef.current(null);
  };

  return (
    <div>
      <Paper
        withBorder
        radius="sm"
        style={{ height, touchAction: 'none', background: SIGNATURE_PAPER, colorScheme: 'light' }}
        data-testid="signature-paper"
      >
        <canvas
          ref={canvasRef}
          data-testid="signature-pad"
          aria-label={t('signoff.pad.label')}
          style={{ width: '100%', height: '100%', display: 'block', cursor: 'crosshair' }}
        />
      </Paper>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {t('signoff.pad.hint')}
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconEraser size={12} />} onClick={clear} data-testid="signature-clear">
          {t('signoff.pad.clear')}
        </Button>
      </Group>
    </div>
  );
}
