import type { LocalizedText } from '@formflow/schema';
import type { Language } from '../i18n/current-language.js';

/**
 * The text after the user edited it in `language`: a plain string stays a plain string; a per-language text keeps
 * its other language. Empty text in one language of two removes that language.
 */
export function setLocalized(old: LocalizedText | undefined, language: Language, text: string): LocalizedText {
  if (old === undefined || typeof old === 'string') return text;
  const next = { ...old, [language]: text };
  if (text === '') delete next[language];
  return Object.keys(next).length === 0 ? '' : next;
}

/** The text in `language` to edit (falls back as display does). */
export function editableText(text: LocalizedText | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text['zh-CN'] ?? text.en ?? '';
}
