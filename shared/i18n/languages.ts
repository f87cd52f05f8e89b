import { z } from 'zod';
import { FALLBACK_LANGUAGE, SITE_LANGUAGES, type SiteLanguage } from './language-codes';

export { FALLBACK_LANGUAGE, SITE_LANGUAGES, type SiteLanguage };
export const siteLanguageSchema = z.enum(SITE_LANGUAGES);

/** Each language in its own name, as a chooser shows it to the person who reads it. */
export const LANGUAGE_NAMES: Record<SiteLanguage, string> = { en: 'English', de: 'Deutsch', fr: 'Français', nl: 'Nederlands' };

/**
 * A country's language for its site owners. Belgium has three official languages and no single
 * right answer: the default is Dutch, the language of most Belgians (Flanders); a Brussels or
 * Walloon site sets French on the site itself (the sample's Brussels site does).
 */
const COUNTRY_LANGUAGE: Record<string, SiteLanguage> = {
  DE: 'de',
  AT: 'de',
  LI: 'de',
  FR: 'fr',
  LU: 'fr',
  MC: 'fr',
  NL: 'nl',
  BE: 'nl',
  SR: 'nl',
};

/**
 * The country of a site, read from its IANA time zone (every site has a validated one; addresses
 * are free text). Zones of countries with a language above; others have no entry and get English.
 */
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Vaduz': 'LI',
  'Europe/Paris': 'FR',
  'Europe/Luxembourg': 'LU',
  'Europe/Monaco': 'MC',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'America/Paramaribo': 'SR',
};

/** The default language of a site without a language of its own: its country's, else English. */
export function defaultSiteLanguage(timeZone: string): SiteLanguage {
  const country = ZONE_COUNTRY[timeZone];
  return (country && COUNTRY_LANGUAGE[country]) || FALLBACK_LANGUAGE;
}

/** The language a site owner reads: the site's own choice, else its country's. */
export function siteLanguage(site: { language: SiteLanguage | null; timeZone: string }): SiteLanguage {
  return site.language ?? defaultSiteLanguage(site.timeZone);
}

export function isSiteLanguage(value: unknown): value is SiteLanguage {
  return typeof value === 'string' && (SITE_LANGUAGES as readonly string[]).includes(value);
}
