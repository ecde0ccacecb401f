import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n.js';
import type { Language } from '../i18n/current-language.js';
import './shell.css';

const LANGUAGES: { id: Language; key: 'language.zh' | 'language.en'; short: string; lang: string }[] = [
  { id: 'zh-CN', key: 'language.zh', short: '中', lang: 'zh-CN' },
  { id: 'en', key: 'language.en', short: 'EN', lang: 'en' },
];

/**
 * 中文 / English: two toggle buttons (the pressed one is the UI language). The choice is remembered (localStorage);
 * without one the browser's language decides. `compact` shows 中 / EN (same accessible names) for tight headers.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('shell');
  const current = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <div className="ff-lang" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language.id}
          type="button"
          lang={language.lang}
          className="ff-lang__option"
          aria-pressed={current === language.id}
          aria-label={compact ? t(language.key) : undefined}
          onClick={() => switchLanguage(language.id)}
        >
          {compact ? language.short : t(language.key)}
        </button>
      ))}
    </div>
  );
}
