import type { SignOffKind } from '../domain/signoff';
import { ownerText } from '../i18n/translator';
import type { SiteLanguage } from '../i18n/languages';

/**
 * The statement the signer confirms, in the language shown at signing; part of the signed content
 * (with that language), so verification shows exactly what the signer read. The texts are legal
 * wording: they live in the owner catalogs (shared/i18n/catalogs/<language>/owner.json).
 */
export function signOffStatement(kind: SignOffKind, where: string, language: SiteLanguage = 'en'): string {
  return ownerText(language)(`signoff.statement.${kind}`, { where });
}
