import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { APP_CATALOGS } from '../../shared/i18n/app-catalogs';
import { I18N_OPTIONS } from '../../shared/i18n/i18n-options';
import { FALLBACK_LANGUAGE } from '../../shared/i18n/language-codes';

/**
 * The renderer's i18next instance, with the catalogs of shared/i18n bundled (nothing is fetched):
 * the app texts load with the first screen, the owner texts with the screens that show them
 * (owner-text.ts).
 * `initReactI18next` makes it the instance of every `useTranslation`, so no provider is needed;
 * components reach it through the hooks below, whose import runs this initialisation first.
 * The interface is in English for now; a site owner's screens pick their language per site.
 */
export const rendererI18n = i18next.createInstance();
const appResources = Object.fromEntries(Object.entries(APP_CATALOGS).map(([language, app]) => [language, { app }]));
void rendererI18n
  .use(initReactI18next)
  .init({ ...I18N_OPTIONS, resources: appResources, lng: FALLBACK_LANGUAGE, react: { useSuspense: false } });

/** The interface's texts (namespace `app`): `const t = useText(); t('site.language.label')`. */
export function useText() {
  return useTranslation('app', { i18n: rendererI18n }).t;
}
