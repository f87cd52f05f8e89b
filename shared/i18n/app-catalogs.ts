import enApp from './catalogs/en/app.json' with { type: 'json' };
import type { SiteLanguage } from './language-codes';

// Apart from the owner catalogs: the renderer's first screen loads these, the owner texts later.

export type AppCatalog = typeof enApp;

/** The `app` namespace per language that has one (English for now; catalogs.ts says more). */
export const APP_CATALOGS: Partial<Record<SiteLanguage, AppCatalog>> = { en: enApp };
