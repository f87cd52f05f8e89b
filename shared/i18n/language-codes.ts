/**
 * The languages Outpost speaks to a site owner. Adding one: its code here, its name in
 * LANGUAGE_NAMES (languages.ts), and a complete `catalogs/<code>/owner.json` (docs/i18n.md).
 * Kept free of zod: the renderer's i18n instance needs only these, and it loads with the first
 * screen, before zod is told not to probe for eval (renderer/shell/zod-without-eval.ts).
 */
export const SITE_LANGUAGES = ['en', 'de', 'fr', 'nl'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

/** The language Outpost itself falls back to (and the technician UI is written in). */
export const FALLBACK_LANGUAGE: SiteLanguage = 'en';
