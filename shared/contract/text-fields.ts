import { z } from 'zod';
import { NOTE_MAX_LENGTH, textTooLong } from '../logic/text-limits';

/** Free text with a limit (trimmed): a longer text is refused with the shared message, never cut. */
export function limitedText(max = NOTE_MAX_LENGTH) {
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const problem = textTooLong(text, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
