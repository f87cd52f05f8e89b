import type { TFunction } from 'i18next';
import type { SignedSheet } from '../../../shared/domain/signoff';
import { FALLBACK_LANGUAGE } from '../../../shared/i18n/languages';
import { ownerText } from '../../../shared/i18n/translator';

/** The owner texts in the sheet's language: the one it was signed in (English for sheets from before languages). */
export function sheetText(sheet: SignedSheet): TFunction<'owner'> {
  return ownerText(sheet.content.language ?? FALLBACK_LANGUAGE);
}
