import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, fieldSettingsSchemas } from '@formflow/schema';
import { fieldRegistry } from './index.js';

/**
 * docs/fields/ has one page per field type, and each page names (in `backticks`) every filter operator and every
 * settings key of its type, so the docs fail CI when the code moves.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fieldsDir = join(repoRoot, 'docs', 'fields');

const pageOf = (type: string): string => readFileSync(join(fieldsDir, `${type}.md`), 'utf8');

function settingsKeys(type: (typeof FIELD_TYPES)[number]): string[] {
  const properties = fieldSettingsSchemas[type]['properties'];
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

describe('docs/fields', () => {
  it('has exactly one page per field type (plus README.md)', () => {
    const pages = readdirSync(fieldsDir)
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -'.md'.length))
      .sort();
    expect(pages).toEqual([...FIELD_TYPES].sort());
  });

  it('lists every type in the catalogue', () => {
    const catalogue = readFileSync(join(fieldsDir, 'README.md'), 'utf8');
    const missing = FIELD_TYPES.filter((type) => !catalogue.includes(`(${type}.md)`));
    expect(missing).toEqual([]);
  });

  describe.each([...FIELD_TYPES])('%s.md', (type) => {
    it('mentions every filter operator of the type', () => {
      const page = pageOf(type);
      const missing = fieldRegistry.get(type).operators.filter((op) => !page.includes(`\`${op}\``));
      expect(missing).toEqual([]);
    });

    it('mentions every settings key of the type', () => {
      const page = pageOf(type);
      const missing = settingsKeys(type).filter((key) => !page.includes(`\`${key}\``));
      expect(missing).toEqual([]);
    });
  });
});
