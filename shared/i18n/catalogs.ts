import deOwner from './catalogs/de/owner.json' with { type: 'json' };
import enApp from './catalogs/en/app.json' with { type: 'json' };
import enOwner from './catalogs/en/owner.json' with { type: 'json' };
import frOwner from './catalogs/fr/owner.json' with { type: 'json' };
import nlOwner from './catalogs/nl/owner.json' with { type: 'json' };
import type { SiteLanguage } from './languages';

/**
 * The message catalogs, one JSON file per language and namespace (docs/i18n.md):
 * - `owner`: what a site owner reads and signs (sign-off review, statement, signature screen, sheet
 *   PDF, training attendance, the owner's calendar text). Complete in every site language.
 * - `app`: the rest of the interface, for technicians and release managers. English for now; a
 *   language's `app.json` may be added later and then must hold every English key.
 */
export const NAMESPACES = ['app', 'owner'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export const DEFAULT_NAMESPACE: Namespace = 'app';

export type OwnerCatalog = typeof enOwner;
export type AppCatalog = typeof enApp;

export interface LanguageCatalogs {
  owner: OwnerCatalog;
  app?: AppCatalog;
}

export const CATALOGS: Record<SiteLanguage, LanguageCatalogs> = {
  en: { owner: enOwner, app: enApp },
  de: { owner: deOwner },
  fr: { owner: frOwner },
  nl: { owner: nlOwner },
};
