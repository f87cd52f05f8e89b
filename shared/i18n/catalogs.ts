import { APP_CATALOGS, type AppCatalog } from './app-catalogs';
import { SITE_LANGUAGES, type SiteLanguage } from './language-codes';
import { OWNER_CATALOGS, type OwnerCatalog } from './owner-catalogs';

/**
 * The message catalogs, one JSON file per language and namespace (docs/i18n.md):
 * - `owner`: what a site owner reads and signs (sign-off review, statement, signature screen, sheet
 *   PDF, training attendance, the owner's calendar text). Complete in every site language.
 * - `app`: the rest of the interface, for technicians and release managers. English for now; a
 *   language's `app.json` may be added later and then must hold every English key.
 */
export { DEFAULT_NAMESPACE, NAMESPACES, type Namespace } from './i18n-options';

export type { AppCatalog, OwnerCatalog };

export interface LanguageCatalogs {
  owner: OwnerCatalog;
  app?: AppCatalog;
}

export const CATALOGS = Object.fromEntries(
  SITE_LANGUAGES.map((language) => {
    const app = APP_CATALOGS[language];
    return [language, app ? { owner: OWNER_CATALOGS[language], app } : { owner: OWNER_CATALOGS[language] }];
  }),
) as Record<SiteLanguage, LanguageCatalogs>;
