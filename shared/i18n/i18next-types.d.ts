import type { AppCatalog, OwnerCatalog } from './catalogs';

// Keys are checked at compile time: t('no.such.key') does not type-check, in core and renderer alike.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: AppCatalog; owner: OwnerCatalog };
  }
}
