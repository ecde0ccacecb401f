import { localize, type LocalizedText } from '@formflow/schema';
import { currentLanguage } from '../i18n/current-language.js';

/** The text for the UI language from a LocalizedText (the schema's `localize`, with the current language). */
export function localized(text: LocalizedText | undefined | null): string {
  return text === null ? '' : localize(text, currentLanguage());
}
