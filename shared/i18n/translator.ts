import i18next, { type i18n, type TFunction } from 'i18next';
import { CATALOGS, DEFAULT_NAMESPACE, NAMESPACES } from './catalogs';
import { FALLBACK_LANGUAGE, SITE_LANGUAGES, type SiteLanguage } from './language-codes';

/** The catalogs as i18next resources. */
export function i18nResources() {
  return Object.fromEntries(SITE_LANGUAGES.map((lng) => [lng, { ...CATALOGS[lng] }]));
}

/**
 * The options every i18next instance of Outpost uses: the catalogs are bundled, so init is
 * synchronous; values are not HTML-escaped (React escapes what it renders, a PDF or a calendar
 * file is not HTML); a key missing in a language falls back to English (the catalog test makes
 * that a failure for the owner namespace).
 */
export const I18N_OPTIONS = {
  resources: i18nResources(),
  supportedLngs: [...SITE_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  ns: [...NAMESPACES],
  defaultNS: DEFAULT_NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} as const;

let shared: i18n | null = null;

/** One instance for the core's texts (PDF, calendar, CSV); the renderer has its own (renderer/i18n). */
function coreInstance(): i18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({ ...I18N_OPTIONS, lng: FALLBACK_LANGUAGE });
  }
  return shared;
}

/** The owner texts in one language, e.g. ownerText('de')('signoff.statement.site_complete', { where }). */
export function ownerText(language: SiteLanguage): TFunction<'owner'> {
  return coreInstance().getFixedT(language, 'owner');
}
