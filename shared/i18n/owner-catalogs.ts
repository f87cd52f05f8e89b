import deOwner from './catalogs/de/owner.json' with { type: 'json' };
import enOwner from './catalogs/en/owner.json' with { type: 'json' };
import frOwner from './catalogs/fr/owner.json' with { type: 'json' };
import nlOwner from './catalogs/nl/owner.json' with { type: 'json' };
import type { SiteLanguage } from './language-codes';

// Apart from the app catalogs: the renderer loads these with the screens a site owner reads
// (sign-off, training), not with its first screen.

export type OwnerCatalog = typeof enOwner;

/** The `owner` namespace in every site language (catalogs.ts says more). */
export const OWNER_CATALOGS: Record<SiteLanguage, OwnerCatalog> = { en: enOwner, de: deOwner, fr: frOwner, nl: nlOwner };
