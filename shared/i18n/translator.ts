import i18next, { type i18n, type TFunction } from 'i18next';
import { CATALOGS } from './catalogs';
import { I18N_OPTIONS } from './i18n-options';
import { FALLBACK_LANGUAGE, SITE_LANGUAGES, type SiteLanguage } from './language-codes';

/** The catalogs as i18next resources. */
export function i18nResources() {
  return Object.fromEntries(SITE_LANGUAGES.map((lng) => [lng, { ...CATALOGS[lng] }]));
}

let shared: i18n | null = null;

/** One instance for the core's texts (PDF, calendar, CSV); the renderer has its own (renderer/i18n). */
function coreInstance(): i18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({ ...I18N_OPTIONS, resources: i18nResources(), lng: FALLBACK_LANGUAGE });
  }
  return shared;
}

/** The owner texts in one language, e.g. ownerText('de')('signoff.statement.site_complete', { where }). */
export function ownerText(language: SiteLanguage): TFunction<'owner'> {
  return coreInstance().getFixedT(language, 'owner');
}
