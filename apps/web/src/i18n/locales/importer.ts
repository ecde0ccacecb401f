/** Messages of the `importer` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const importer = {
  en: {},
  'zh-CN': {},
} as const;
