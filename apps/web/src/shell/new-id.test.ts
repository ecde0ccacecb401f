import { describe, expect, it } from 'vitest';
import { isValidId } from '@formflow/schema';
import { newId } from './new-id.js';

describe('newId', () => {
  it('makes valid, distinct schema ids', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const id = newId(i % 2 ? 'app' : 'form');
      expect(isValidId(id)).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(200);
  });
});
