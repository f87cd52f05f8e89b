/**
 * Limits on free text a person types (notes, remarks, reasons). One rule for the form, which counts
 * as the user types and refuses to submit, and for the contract, which refuses a longer text with
 * the same message: a text is never cut short.
 */
export const NOTE_MAX_LENGTH = 4000;

/** Length as the limit counts it: after trimming, in UTF-16 code units (what zod's max counts). */
export function textLength(text: string): number {
  return text.trim().length;
}

/** Why a text is too long, or null when it fits. */
export function textTooLong(text: string, max = NOTE_MAX_LENGTH): string | null {
  const length = textLength(text);
  if (length <= max) return null;
  const n = (v: number) => v.toLocaleString('en-US');
  return `At most ${n(max)} characters: this text has ${n(length)}. Shorten it by ${n(length - max)}; nothing is cut off.`;
}
