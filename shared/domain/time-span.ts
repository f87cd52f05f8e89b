import type { z } from 'zod';

/**
 * One rule for every planned span (a wave, a site's schedule window): when both ends are given,
 * the end comes after the start. Declared once here; the contract schemas refine with it for
 * create, the core checks it again for a partial edit against the stored ends, and a plan import
 * can reuse it.
 */
export function spanEndsAfterStart(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end) return true;
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s) || Number.isNaN(e)) return true; // format is another check's concern
  return e > s;
}

export const WAVE_SPAN_MESSAGE = 'A wave must end after it starts';
export const SITE_WINDOW_MESSAGE = 'The schedule window must end after it starts';

/** A zod refinement for an object with a start and an end field; the issue is reported on the end field. */
export function spanRefinement<K extends string>(startKey: K, endKey: K, message: string) {
  return (value: Partial<Record<K, string | null | undefined>>, ctx: z.RefinementCtx): void => {
    if (!spanEndsAfterStart(value[startKey], value[endKey])) ctx.addIssue({ code: 'custom', path: [endKey], message });
  };
}

/** The site window rule, for every path that writes a site (create, edit, import). */
export function siteWindowIsValid(site: { windowStart?: string | null; windowEnd?: string | null }): boolean {
  return spanEndsAfterStart(site.windowStart, site.windowEnd);
}
