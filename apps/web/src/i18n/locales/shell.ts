/** Messages of the `shell` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const shell = {
  en: {},
  'zh-CN': {},
} as const;
