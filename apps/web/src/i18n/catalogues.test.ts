import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues.js';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null ? keys(inner, prefix + key + '.') : [prefix + key],
  );
}

describe('message catalogues', () => {
  for (const [namespace, catalogue] of Object.entries(catalogues)) {
    it(`${namespace}: zh-CN and en have the same keys, none empty`, () => {
      expect(keys(catalogue['zh-CN']).sort()).toEqual(keys(catalogue.en).sort());
      for (const language of ['en', 'zh-CN'] as const) {
        const flat = JSON.stringify(catalogue[language]);
        expect(flat).not.toMatch(/:""/);
      }
    });
  }
});
