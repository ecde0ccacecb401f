import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { currentLanguage, rememberLanguage, type Language } from './current-language.js';
import { catalogues } from './catalogues.js';

/** i18next with one namespace per area (catalogues.ts); zh-CN and en, chosen by the browser, switchable. */
export function setupI18n(): typeof i18next {
  const resources: Record<string, Record<string, object>> = { en: {}, 'zh-CN': {} };
  for (const [namespace, catalogue] of Object.entries(catalogues)) {
    resources.en![namespace] = catalogue.en;
    resources['zh-CN']![namespace] = catalogue['zh-CN'];
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: currentLanguage(),
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(catalogues),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
  return i18next;
}

export function switchLanguage(next: Language): void {
  rememberLanguage(next);
  void i18next.changeLanguage(next);
}
