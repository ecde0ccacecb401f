/** Messages of the `runtime` area (en and zh-CN must have the same keys: i18n/catalogues.test.ts checks). */
export const runtime = {
  en: {},
  'zh-CN': {},
} as const;
