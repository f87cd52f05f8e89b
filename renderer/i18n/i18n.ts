import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { FALLBACK_LANGUAGE, type SiteLanguage } from '../../shared/i18n/language-codes';
import { I18N_OPTIONS } from '../../shared/i18n/translator';

/**
 * The renderer's i18next instance, with the catalogs of shared/i18n bundled (nothing is fetched).
 * `initReactI18next` makes it the instance of every `useTranslation`, so no provider is needed;
 * components reach it through the hooks below, whose import runs this initialisation first.
 * The interface is in English for now; a site owner's screens pick their language per site.
 */
export const rendererI18n = i18next.createInstance();
void rendererI18n.use(initReactI18next).init({ ...I18N_OPTIONS, lng: FALLBACK_LANGUAGE, react: { useSuspense: false } });

/** The interface's texts (namespace `app`): `const t = useText(); t('site.language.label')`. */
export function useText() {
  return useTranslation('app', { i18n: rendererI18n }).t;
}

/**
 * The site owner's texts (namespace `owner`) fixed to one language, whatever the interface's
 * language is: `const t = useOwnerText(language); t('signoff.form.sign')`.
 */
export function useOwnerText(language: SiteLanguage) {
  return useTranslation('owner', { lng: language, i18n: rendererI18n }).t;
}
