import { useTranslation } from 'react-i18next';
import type { SiteLanguage } from '../../shared/i18n/language-codes';
import { OWNER_CATALOGS } from '../../shared/i18n/owner-catalogs';
import { rendererI18n } from './i18n';

// The owner catalogs join the renderer's instance when a screen that shows them loads (sign-off,
// training: route chunks), so the first screen does not carry them.
for (const [language, catalog] of Object.entries(OWNER_CATALOGS)) rendererI18n.addResourceBundle(language, 'owner', catalog);

/**
 * The site owner's texts (namespace `owner`) fixed to one language, whatever the interface's
 * language is: `const t = useOwnerText(language); t('signoff.form.sign')`.
 */
export function useOwnerText(language: SiteLanguage) {
  return useTranslation('owner', { lng: language, i18n: rendererI18n }).t;
}
