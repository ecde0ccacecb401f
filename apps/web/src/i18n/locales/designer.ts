/** Messages of the `designer` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const designer = {
  en: {},
  'zh-CN': {},
} as const;
