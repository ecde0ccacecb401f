import { describe, expect, it } from 'vitest';
import { GroupLayout, orderGroups, pageRequest, pagesForRange } from './page-math.js';

describe('virtualised paging', () => {
  it('asks for the pages under the viewport plus one ahead, never beyond the last', () => {
    expect(pagesForRange(0, 30, 100_000)).toEqual([0, 1]);
    expect(pagesForRange(95, 130, 100_000)).toEqual([0, 1, 2]);
    expect(pagesForRange(99_980, 99_999, 100_000)).toEqual([999]);
    expect(pagesForRange(50_012, 50_040, 100_000)).toEqual([500, 501]);
    expect(pagesForRange(0, 30, 20)).toEqual([0]);
    expect(pagesForRange(0, 30, 0)).toEqual([]);
    expect(pagesForRange(500, 530, 120)).toEqual([1]); // stale range after the count shrank
  });

  it('follows the previous page cursor, jumps by offset otherwise', () => {
    expect(pageRequest(0, undefined)).toEqual({ limit: 100 });
    expect(pageRequest(3, 'abc')).toEqual({ limit: 100, cursor: 'abc' });
    expect(pageRequest(500, undefined)).toEqual({ limit: 100, offset: 50_000 });
    expect(pageRequest(7, null, 50)).toEqual({ limit: 50, offset: 350 });
  });

  it('interleaves group headers with contiguous records', () => {
    const layout = new GroupLayout([
      { key: 'lead', count: 2 },
      { key: 'won', count: 0 },
      { key: null, count: 3 },
    ]);
    expect(layout.size).toBe(2 + 1 + 0 + 1 + 3 + 1);
    const rows = Array.from({ length: layout.size }, (_, i) => layout.row(i));
    expect(rows).toEqual([
      { kind: 'header', group: 0 },
      { kind: 'record', index: 0, group: 0 },
      { kind: 'record', index: 1, group: 0 },
      { kind: 'header', group: 1 },
      { kind: 'header', group: 2 },
      { kind: 'record', index: 2, group: 2 },
      { kind: 'record', index: 3, group: 2 },
      { kind: 'record', index: 4, group: 2 },
    ]);
    expect(layout.recordRange(0, 7)).toEqual([0, 4]);
    expect(layout.recordRange(3, 4)).toBeNull();
    expect(layout.recordRange(2, 5)).toEqual([1, 2]);
  });

  it('orders aggregate groups as the list sorts them: options by position, numbers, empty last', () => {
    const rows = [
      { keys: [null], values: [4] },
      { keys: ['won'], values: [1] },
      { keys: ['lead'], values: [2] },
    ];
    expect(orderGroups(rows, ['lead', 'qualified', 'won']).map((g) => g.key)).toEqual(['lead', 'won', null]);
    const numbers = [
      { keys: [10], values: [1] },
      { keys: [null], values: [1] },
      { keys: [2], values: [1] },
    ];
    expect(orderGroups(numbers, null).map((g) => g.key)).toEqual([2, 10, null]);
    expect(orderGroups(numbers, null, 'desc').map((g) => g.key)).toEqual([10, 2, null]);
  });
});
