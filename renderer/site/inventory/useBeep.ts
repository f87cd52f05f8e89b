import { useCallback, useRef } from 'react';
import type { ReceiveOutcome } from '../../../shared/domain/inventory';
import { useSound } from '../../state/sound';

/** Tone(s) per outcome: one high beep is good news, low and long means look at the screen. */
const TONES: Record<ReceiveOutcome | 'error', { freq: number; ms: number }[]> = {
  received: [{ freq: 1046, ms: 90 }],
  already_received: [
    { freq: 660, ms: 80 },
    { freq: 660, ms: 80 },
  ],
  other_site: [
    { freq: 520, ms: 120 },
    { freq: 390, ms: 160 },
  ],
  unknown: [{ freq: 220, ms: 320 }],
  error: [{ freq: 180, ms: 400 }],
};

export function useBeep(): (outcome: ReceiveOutcome | 'error') => void {
  const muted = useSound((s) => s.muted);
  const ctxRef = useRef<AudioContext | null>(null);
  return useCallback(
    (outcome) => {
      if (muted || typeof AudioContext === 'undefined') return;
      try {
        ctxRef.current ??= new AudioContext();
        const ctx = ctxRef.current;
        let t = ctx.currentTime;
        for (const tone of TONES[outcome]) {
          const osc = ctx.createOscillator();
          const gain = ctx.createGain();
          osc.type = 'square';
          osc.frequency.value = tone.freq;
          gain.gain.setValueAtTime(0.06, t);
          gain.gain.exponentialRampToValueAtTime(0.0001, t + tone.ms / 1000);
          osc.connect(gain).connect(ctx.destination);
          osc.start(t);
          osc.stop(t + tone.ms / 1000);
          t += tone.ms / 1000 + 0.04;
        }
      } catch {
        // Audio is a nicety; never let it break scanning.
      }
    },
    [muted],
  );
}
