import { describe, expect, it } from 'vitest';
import { formatPath, pointerToPath } from './problem.js';

describe('problem paths', () => {
  it('formats segments in dot/bracket form', () => {
    expect(formatPath(['forms', 2, 'fields', 5, 'settings', 'options', 1, 'id'])).toBe(
      'forms[2].fields[5].settings.options[1].id',
    );
    expect(formatPath(['data', 'a b'])).toBe('data["a b"]');
  });
  it('converts JSON pointers', () => {
    expect(pointerToPath('/forms/2/fields/5')).toBe('forms[2].fields[5]');
    expect(pointerToPath('/a~1b/c~0d')).toBe('["a/b"]["c~d"]');
    expect(pointerToPath('')).toBe('');
  });
});
