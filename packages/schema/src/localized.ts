export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A user-facing text: a plain string, or one text per locale (`{ "zh-CN": "客户名称", "en": "Customer name" }`). */
export type LocalizedText = string | { 'zh-CN'?: string; en?: string };

/** Picks the text for a locale, falling back to the other locale, then to ''. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? text.en ?? '';
}
