/** Where the device can vibrate (tablets, phones): a short buzz for good news, a longer one to look. */
const PATTERNS = { good: [60], attention: [120, 80, 120] } as const;

export function vibrate(kind: keyof typeof PATTERNS): void {
  try {
    navigator.vibrate?.([...PATTERNS[kind]]);
  } catch {
    // A nicety; never let it break scanning.
  }
}
