import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('is a version-7, variant-1 UUID carrying the millisecond time', () => {
    const id = uuidV7(Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 1));
  });

  it('is strictly increasing within one millisecond and when the clock steps back', () => {
    const now = Date.UTC(2030, 0, 1);
    const ids = [...Array.from({ length: 5000 }, () => uuidV7(now)), uuidV7(now - 1000)];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
