import { FALLBACK_LANGUAGE, SITE_LANGUAGES } from './language-codes';

// Without the catalogs: each instance adds the ones it needs (the core all, the renderer's first
// screen only the app texts).

/** The namespaces, one catalog file each per language (catalogs.ts says what each holds). */
export const NAMESPACES = ['app', 'owner'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const DEFAULT_NAMESPACE: Namespace = 'app';

/**
 * The options every i18next instance of Outpost uses: the catalogs are bundled, so init is
 * synchronous; values are not HTML-escaped (React escapes what it renders, a PDF or a calendar
 * file is not HTML); a key missing in a language falls back to English (the catalog test makes
 * that a failure for the owner namespace).
 */
export const I18N_OPTIONS = {
  supportedLngs: [...SITE_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  ns: [...NAMESPACES],
  defaultNS: DEFAULT_NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} as const;
