import type { Migration } from './migration';

/**
 * The site owner's language (issue #14 part 4): `sites.language`, one of the site languages of
 * shared/i18n/languages.ts, or NULL for "from the site's country" (read from its time zone). The
 * sign-off review, statement, signature screen, sheet PDF, training attendance and the owner's
 * calendar text are written in it. Synced with the plan as `text?`: an older desktop sends none,
 * which reads as NULL, the same default.
 */
export const migration0027: Migration = {
  version: 27,
  name: 'site_language',
  sql: `ALTER TABLE sites ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'de', 'fr', 'nl'));`,
};
