/** Messages of the `record` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const record = {
  en: {},
  'zh-CN': {},
} as const;
