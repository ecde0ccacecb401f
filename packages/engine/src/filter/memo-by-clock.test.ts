import { describe, expect, it } from 'vitest';
import { memoByClock } from './memo-by-clock.js';
import { ctxAt } from './test-form.js';

describe('memoByClock', () => {
  it('computes once per (now, timezone)', () => {
    let calls = 0;
    const get = memoByClock((now, zone) => `${++calls}:${now.toISOString()}:${zone}`);
    const a = ctxAt('2025-03-01T00:00:00Z', 'UTC');
    for (let i = 0; i < 1000; i++) get(a);
    expect(calls).toBe(1);
    get(ctxAt('2025-03-01T00:00:00Z', 'UTC'));
    expect(calls).toBe(1);
    get(ctxAt('2025-03-01T00:00:00Z', 'Asia/Shanghai'));
    get(ctxAt('2025-03-01T00:00:01Z', 'Asia/Shanghai'));
    expect(calls).toBe(3);
  });
});
