/** Messages of the `views` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const views = {
  en: {},
  'zh-CN': {},
} as const;
